/** A SettingsPort held in memory (used until/unless a real conf-backed settings store is passed). */
import type { Preferences } from '../../../common/ipc';
import type { InstanceRecord, SettingsPort } from '../../../main/app/handler-deps';

/** Default preferences (same values as the settings store's defaults). */
export const DEFAULT_PREFERENCES: Preferences = {
  launchAtLogin: false,
  startHidden: false,
  notifications: true,
  globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Shift+L' },
};

/** Creates an in-memory settings port seeded with `instances`. */
export function createMemorySettings(instances: InstanceRecord[] = []): SettingsPort {
  const records = new Map(instances.map((record) => [record.id, { ...record }]));
  let preferences = structuredClone(DEFAULT_PREFERENCES);
  return {
    listInstances: () => [...records.values()].map((record) => ({ ...record })),
    putInstance: (record) => void records.set(record.id, { ...record }),
    removeInstance: (id) => records.delete(id),
    getPreferences: () => structuredClone(preferences),
    setPreferences(patch) {
      preferences = { ...preferences, ...structuredClone(patch) };
      return structuredClone(preferences);
    },
  };
}
