/**
 * Launch at login follows the OS, never the other way round: the OS's state is what Settings and the tray
 * show, and the app changes it only when the user changes that very setting in the app. (It used to
 * re-enable itself whenever the saved preference said on, undoing a user who had turned it off in the OS.)
 * Pure; no electron.
 */
import type { Preferences } from '../../../common/ipc';

/** What the OS's login-item settings say (the fields Electron's getLoginItemSettings reports). */
export interface LoginItemReport {
  openAtLogin: boolean;
  /** macOS 13+: only `enabled` starts the app; `requires-approval` waits for System Settings. */
  status?: string;
  /** Windows: false when the Run entry exists but is disabled in Task Manager / Settings › Startup apps. */
  executableWillLaunchAtLogin?: boolean;
}

/** Whether the OS will really start the app at login, from Electron's report on this platform. */
export function willLaunchAtLogin(platform: NodeJS.Platform, report: LoginItemReport): boolean {
  if (platform === 'win32' && report.executableWillLaunchAtLogin !== undefined) {
    return report.openAtLogin && report.executableWillLaunchAtLogin;
  }
  if (platform === 'darwin' && report.status !== undefined) return report.status === 'enabled';
  return report.openAtLogin;
}

/** The value to give the OS after a settings change, or null when the OS must be left alone. */
export function launchAtLoginChange(patch: Partial<Preferences>, os: boolean | null): boolean | null {
  if (patch.launchAtLogin === undefined) return null; // the user changed something else
  return patch.launchAtLogin === os ? null : patch.launchAtLogin;
}

/** Preferences as shown: launch at login as the OS has it, where the OS can say. */
export function withOsLaunchAtLogin(preferences: Preferences, os: boolean | null | undefined): Preferences {
  return os === null || os === undefined ? preferences : { ...preferences, launchAtLogin: os };
}
