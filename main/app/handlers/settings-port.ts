/**
 * Adapts the settings store (main/store/settings.ts) to the handlers' SettingsPort and the window's
 * BoundsStore. No `electron` import: the app passes electron-store's class, tests and the harness conf's.
 */
import type { Settings } from '../../store/settings';
import type { SettingsPort } from './handler-deps';
import type { BoundsStore } from '../windows/window';

/** The handlers' view of the settings store. */
export function settingsPort(settings: Settings): SettingsPort {
  return {
    listInstances: () =>
      settings
        .listInstances()
        .map((instance) => ({ ...instance, expectedPhone: instance.expectedPhone ?? null })),
    putInstance({ expectedPhone, ...record }) {
      settings.upsertInstance(expectedPhone ? { ...record, expectedPhone } : record);
    },
    removeInstance: (id) => settings.removeInstance(id),
    getPreferences: () => settings.getPreferences(),
    setPreferences: (patch) => settings.setPreferences(patch),
    exportInstances: () => settings.exportInstances(),
    importInstances(json) {
      const result = settings.importInstances(json);
      return { added: result.added, updated: result.updated, rejected: result.rejected.length };
    },
  };
}

/** The window's bounds in settings; a value settings refuses is simply not saved. */
export function boundsStore(settings: Settings, onError: (error: unknown) => void): BoundsStore {
  return {
    get: () => settings.getWindowBounds(),
    set(bounds) {
      try {
        settings.setWindowBounds(bounds);
      } catch (error) {
        onError(error);
      }
    },
  };
}
