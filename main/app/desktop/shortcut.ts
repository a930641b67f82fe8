/**
 * The opt-in global shortcut that opens the instance picker. Applying a preference validates it first
 * (shortcut-accelerator.ts), unregisters only our own previous accelerator, checks with the OS that the
 * registration took, and remembers the outcome so Settings can show a refused shortcut as refused (on
 * Linux the GlobalShortcuts portal knows the app only by its installed .desktop file, `desktopName`).
 * Call after `app.whenReady()`.
 */
import { globalShortcut } from 'electron';
import type { DesktopStatusView, Preferences, Result } from '../../../common/ipc';
import { parseAccelerator } from './shortcut-accelerator';

export interface ShortcutHandle {
  /** Applies `preferences.globalShortcut`; returns the registered accelerator, null when off, or why it failed. */
  apply(preference: Preferences['globalShortcut']): Result<string | null>;
  /** The outcome of the last apply, for Settings. */
  status(): DesktopStatusView['shortcut'];
  /** Unregisters our shortcut (on quit). */
  dispose(): void;
}

/** Creates the shortcut owner; `open` shows the window on the instance list. */
export function setupShortcut(open: () => void): ShortcutHandle {
  let current: string | null = null;
  let status: DesktopStatusView['shortcut'] = { state: 'off', accelerator: '', reason: null };
  const release = (): void => {
    if (current) globalShortcut.unregister(current);
    current = null;
  };
  const apply = (preference: Preferences['globalShortcut']): Result<string | null> => {
    if (!preference.enabled) {
      release();
      return { ok: true, value: null };
    }
    const parsed = parseAccelerator(preference.accelerator);
    if (!parsed.ok) return { ok: false, code: 'invalid_accelerator', reason: parsed.reason };
    if (parsed.value === current && globalShortcut.isRegistered(current)) return { ok: true, value: current };
    release();
    if (!globalShortcut.register(parsed.value, open) || !globalShortcut.isRegistered(parsed.value)) {
      globalShortcut.unregister(parsed.value);
      return {
        ok: false,
        code: 'shortcut_taken',
        reason: `${parsed.value} could not be registered: another app or the system uses it, or the desktop refused it. Choose another shortcut.`,
      };
    }
    current = parsed.value;
    return { ok: true, value: current };
  };
  return {
    apply(preference) {
      const result = apply(preference);
      status = result.ok
        ? { state: result.value ? 'registered' : 'off', accelerator: result.value ?? '', reason: null }
        : { state: 'failed', accelerator: preference.accelerator, reason: result.reason };
      return result;
    },
    status: () => status,
    dispose: release,
  };
}
