/** Whether this machine can give each launched app a private gnome-keyring (Linux with the daemon installed). */
import { spawnSync } from 'node:child_process';
import type { KeyringMode } from './world';

/** True on Linux when gnome-keyring-daemon and dbus-daemon can be run. */
export const PRIVATE_KEYRING =
  process.platform === 'linux' &&
  ['gnome-keyring-daemon', 'dbus-daemon'].every(
    (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
  );

/** A private working keyring where possible, else the host's own keychain (macOS, Windows). */
export const WORKING_KEYRING: KeyringMode = PRIVATE_KEYRING ? 'working' : 'host';
