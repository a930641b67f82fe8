/**
 * The opt-in global shortcut that opens the instance picker. Applying a preference validates it first
 * (shortcut-accelerator.ts), unregisters only our own previous accelerator, and reports when the OS
 * refuses it (another app owns it). Call after `app.whenReady()`.
 */
import { globalShortcut } from 'electron';
import type { Preferences, Result } from '../../../common/ipc';
import { parseAccelerator } from './shortcut-accelerator';

export interface ShortcutHandle {
  /** Applies `preferences.globalShortcut`; returns the registered accelerator, null when off, or why it failed. */
  apply(preference: Preferences['globalShortcut']): Result<string | null>;
  /** Unregisters our shortcut (on quit). */
  dispose(): void;
}

/** Creates the shortcut owner; `open` shows the window on the instance list. */
export function setupShortcut(open: () => void): ShortcutHandle {
  let current: string | null = null;
  const release = (): void => {
    if (current) globalShortcut.unregister(current);
    current = null;
  };
  return {
    apply(preference) {
      if (!preference.enabled) {
        release();
        return { ok: true, value: null };
      }
      const parsed = parseAccelerator(preference.accelerator);
      if (!parsed.ok) return { ok: false, code: 'invalid_accelerator', reason: parsed.reason };
      if (parsed.value === current) return { ok: true, value: current };
      release();
      if (!globalShortcut.register(parsed.value, open)) {
        return {
          ok: false,
          code: 'shortcut_taken',
          reason: `${parsed.value} is already used by another app or the system: choose another shortcut.`,
        };
      }
      current = parsed.value;
      return { ok: true, value: current };
    },
    dispose: release,
  };
}
