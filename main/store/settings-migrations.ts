/**
 * Migrations of settings.json, keyed by settings layout version (conf runs every one newer than the
 * file's). Each is a pure function on the data, idempotent on already-current data, so fresh installs
 * pass through them unchanged.
 */
import type { ConfLike } from './settings-store';
import { findSecretField, instanceInput, windowBoundsInput } from './settings-validate';
import { defaultSettings } from './settings-schema';

/** What a migration changed that the user should hear about (counts only, never values). */
export interface MigrationReport {
  removedSecretFields: number;
  droppedInstances: number;
}

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * 2.0.0: the 1.x layout had `instances[].name/url/phone`, top-level `launchAtLogin`/`startHidden`/`shortcut`,
 * and early builds kept `accessToken` next to each instance. Renames into the current layout, deletes every
 * secret-looking field, and drops instances that cannot be repaired.
 */
export function migrateTo2(data: Data, report: MigrationReport): Data {
  const defaults = defaultSettings();
  const out: Data = { ...data };
  const rawInstances = Array.isArray(data.instances) ? data.instances : [];
  const instances: unknown[] = [];
  for (const raw of rawInstances) {
    if (!isObject(raw)) {
      report.droppedInstances++;
      continue;
    }
    const candidate: Data = {};
    for (const [key, value] of Object.entries(raw)) {
      if (findSecretField({ [key]: value }) !== null) report.removedSecretFields++;
    }
    candidate.id = raw.id;
    candidate.label = raw.label ?? raw.name ?? raw.id;
    candidate.baseUrl = raw.baseUrl ?? raw.url ?? raw.apiUrl ?? 'https://api.wawp.net';
    const phone = raw.expectedPhone ?? raw.phone;
    if (typeof phone === 'string' && phone !== '') candidate.expectedPhone = phone;
    const parsed = instanceInput.safeParse(candidate);
    if (parsed.success) instances.push(parsed.data);
    else report.droppedInstances++;
  }
  out.instances = instances;

  const prefs = isObject(data.preferences) ? { ...data.preferences } : {};
  const legacyShortcut = typeof data.shortcut === 'string' ? data.shortcut : undefined;
  // conf merges defaults in before migrating, so legacy top-level values must win over `preferences`.
  const shortcut = isObject(prefs.globalShortcut) ? prefs.globalShortcut : {};
  out.preferences = {
    ...defaults.preferences,
    ...pickBooleans(prefs, ['launchAtLogin', 'startHidden', 'notifications']),
    ...pickBooleans(data, ['launchAtLogin', 'startHidden', 'notifications']),
    globalShortcut: legacyShortcut
      ? { enabled: true, accelerator: legacyShortcut }
      : {
          enabled: shortcut.enabled ?? defaults.preferences.globalShortcut.enabled,
          accelerator: shortcut.accelerator ?? defaults.preferences.globalShortcut.accelerator,
        },
  };
  for (const key of Object.keys(out)) {
    if (key === '__internal__') continue;
    if (!['instances', 'preferences', 'windowBounds'].includes(key)) {
      if (findSecretField({ [key]: out[key] }) !== null) report.removedSecretFields++;
      delete out[key];
    }
  }
  const bounds = windowBoundsInput.safeParse(data.windowBounds);
  out.windowBounds = bounds.success ? bounds.data : null;
  return out;
}

function pickBooleans(source: Data, keys: string[]): Data {
  const picked: Data = {};
  for (const key of keys) if (typeof source[key] === 'boolean') picked[key] = source[key];
  return picked;
}

/** conf `migrations` option: each entry rewrites the whole store (validation is off during migrations). */
export function settingsMigrations(report: MigrationReport): Record<string, (store: ConfLike) => void> {
  return {
    '2.0.0': (store) => {
      store.store = migrateTo2(store.store, report);
    },
  };
}
