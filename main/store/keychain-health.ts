/**
 * Classifies keychain failures (keytar's real error strings and our timeouts) into KeychainHealth,
 * with a message that tells the user how to fix it on their platform. Pure: no keytar, no I/O.
 */
import type { KeychainHealth, KeychainState } from './secrets';
import { SecretStoreError } from './secret-error';

/** The states that mean "the keychain cannot be used right now". */
export type KeychainProblem = Exclude<KeychainState, 'ok' | 'checking'>;

/** keytar/libsecret/macOS/Windows error texts, in the order they are checked. */
const PATTERNS: ReadonlyArray<[RegExp, KeychainProblem]> = [
  [
    /autolaunch D-Bus|dbus-launch|\$DISPLAY|Could not connect|Failed to connect to socket|DBUS_SESSION_BUS_ADDRESS/i,
    'no-dbus',
  ],
  [
    /org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service files|No such secret service/i,
    'no-provider',
  ],
  [
    /Object does not exist at path|collection\/login|is locked|locked collection|Cannot (create|get|unlock)|prompt|dismissed|User canceled|User interaction is not allowed|interaction not allowed|passphrase|-25308|-25293/i,
    'locked',
  ],
];

const FIXES: Record<KeychainProblem, Record<'linux' | 'darwin' | 'win32' | 'other', string>> = {
  'no-dbus': {
    linux:
      'No D-Bus session bus was found (a headless or SSH session?). Log in to a desktop session, or start one with ' +
      '`dbus-run-session -- wawp-link`, and make sure gnome-keyring or KWallet runs in it.',
    darwin:
      'The macOS Keychain could not be reached. Log in to the desktop session (not only over SSH) and try again.',
    win32:
      'The Windows Credential Manager could not be reached. Log in to a Windows desktop session and try again.',
    other: 'No system keychain could be reached from this session.',
  },
  'no-provider': {
    linux:
      'No Secret Service (keychain) is installed or running. Install and start gnome-keyring ' +
      '(`sudo apt install gnome-keyring libsecret-1-0`) or KWallet with its Secret Service bridge, then log out and in again.',
    darwin:
      'The macOS Keychain service is not available. Open Keychain Access and check that a login keychain exists.',
    win32: 'The Windows Credential Manager service is not available. Start the "Credential Manager" service.',
    other: 'No keychain service is available on this system.',
  },
  locked: {
    linux:
      'The keychain is locked or has no "login" keyring. Unlock it (Seahorse "Passwords and Keys", or KWallet Manager), ' +
      'create a default keyring if none exists, and try again.',
    darwin:
      'The macOS Keychain is locked or access was denied. Unlock the login keychain in Keychain Access and allow wawp-link.',
    win32: 'Windows denied access to the Credential Manager. Unlock your session and try again.',
    other: 'The keychain is locked. Unlock it and try again.',
  },
  error: {
    linux:
      'The keychain failed unexpectedly. Check that gnome-keyring or KWallet works (e.g. with `secret-tool`), then retry.',
    darwin:
      'The macOS Keychain failed unexpectedly. Check the login keychain in Keychain Access, then retry.',
    win32:
      'The Windows Credential Manager failed unexpectedly. Retry, or check it in Control Panel > Credential Manager.',
    other: 'The keychain failed unexpectedly.',
  },
};

function platformKey(platform: NodeJS.Platform): 'linux' | 'darwin' | 'win32' | 'other' {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

/** Maps a raw keychain error (never containing a token: keytar errors name paths and services only) to a state. */
export function classifyKeychainError(error: unknown): KeychainProblem {
  if (error instanceof SecretStoreError && error.code === 'timeout') return 'locked';
  const text = error instanceof Error ? error.message : String(error);
  for (const [pattern, state] of PATTERNS) if (pattern.test(text)) return state;
  return 'error';
}

/** The user-facing health report for a keychain failure on `platform`. */
export function healthFromError(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): KeychainHealth {
  const state = classifyKeychainError(error);
  // Our own timeout messages are token-free and say what happened; keytar's raw texts are not shown.
  const lead = error instanceof SecretStoreError && error.code === 'timeout' ? `${error.message} ` : '';
  return { state, message: lead + FIXES[state][platformKey(platform)] };
}

/** The health report for a keychain that works. */
export const HEALTHY: KeychainHealth = { state: 'ok', message: '' };
