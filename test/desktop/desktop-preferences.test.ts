import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../common/ipc';
import {
  launchAtLoginChange,
  willLaunchAtLogin,
  withOsLaunchAtLogin,
} from '../../main/app/desktop/desktop-preferences';

const saved: Preferences = {
  launchAtLogin: true,
  startHidden: true,
  notifications: true,
  globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Shift+L' },
};

describe('launch at login follows the OS', () => {
  it('never touches the OS when the user changed something else (saved on, OS off stays off)', () => {
    expect(launchAtLoginChange({}, false)).toBeNull();
    expect(launchAtLoginChange({ notifications: false }, false)).toBeNull();
  });

  it('changes the OS only when the user changed this setting to something the OS does not have', () => {
    expect(launchAtLoginChange({ launchAtLogin: true }, false)).toBe(true);
    expect(launchAtLoginChange({ launchAtLogin: false }, true)).toBe(false);
    expect(launchAtLoginChange({ launchAtLogin: true }, true)).toBeNull();
    expect(launchAtLoginChange({ launchAtLogin: false }, null)).toBe(false);
  });

  it('shows the OS state instead of the saved wish, where the OS can say', () => {
    expect(withOsLaunchAtLogin(saved, false).launchAtLogin).toBe(false);
    expect(withOsLaunchAtLogin(saved, null)).toBe(saved);
    expect(withOsLaunchAtLogin(saved, undefined)).toBe(saved);
  });

  it('reads what will really happen: Windows Startup apps switch, macOS approval', () => {
    expect(willLaunchAtLogin('win32', { openAtLogin: true, executableWillLaunchAtLogin: false })).toBe(false);
    expect(willLaunchAtLogin('win32', { openAtLogin: true, executableWillLaunchAtLogin: true })).toBe(true);
    expect(willLaunchAtLogin('darwin', { openAtLogin: true, status: 'requires-approval' })).toBe(false);
    expect(willLaunchAtLogin('darwin', { openAtLogin: false, status: 'enabled' })).toBe(true);
    expect(willLaunchAtLogin('darwin', { openAtLogin: true })).toBe(true);
  });
});
