/**
 * Launch at login on all three platforms: macOS and Windows through `app.setLoginItemSettings` (Windows with
 * `--hidden`; macOS reports `wasOpenedAtLogin` instead), Linux through an XDG autostart entry
 * (launch-at-login-file.ts). https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows
 */
import { app } from 'electron';
import type { Result } from '../../../common/ipc';
import {
  autostartPath,
  HIDDEN_FLAG,
  isAutostartEnabled,
  launchCommand,
  setAutostart,
} from './launch-at-login-file';
import { willLaunchAtLogin } from './desktop-preferences';

export interface LaunchAtLogin {
  /** Whether the OS will start the app at login (read from the OS every time; never cached). */
  isEnabled(): boolean;
  /** Turns it on or off; the result carries the new state, or why the OS refused. */
  setEnabled(enabled: boolean): Result<boolean>;
  /** This run was started by the OS at login (so the window may start hidden). */
  wasLaunchedAtLogin(): boolean;
}

/** `hiddenFlag` is whether this run's argv had `--hidden` (deep-link.ts parseLaunchArgs). */
export function setupLaunchAtLogin(hiddenFlag: boolean): LaunchAtLogin {
  const linux = process.platform === 'linux';
  const windowsArgs = { path: process.execPath, args: [HIDDEN_FLAG] };
  const path = autostartPath();
  return {
    isEnabled() {
      if (linux) return isAutostartEnabled(path);
      const report = app.getLoginItemSettings(process.platform === 'win32' ? windowsArgs : undefined);
      return willLaunchAtLogin(process.platform, report);
    },
    setEnabled(enabled) {
      try {
        if (linux) {
          const command = launchCommand({
            execPath: process.execPath,
            env: process.env,
            defaultApp: Boolean(process.defaultApp),
            appPath: process.argv[1],
          });
          return { ok: true, value: setAutostart(path, enabled, command) };
        }
        app.setLoginItemSettings({
          openAtLogin: enabled,
          ...(process.platform === 'win32' ? windowsArgs : {}),
        });
        return { ok: true, value: this.isEnabled() };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, code: 'launch_at_login', reason: `Could not change launch at login (${why}).` };
      }
    },
    wasLaunchedAtLogin() {
      if (hiddenFlag) return true;
      return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
    },
  };
}
