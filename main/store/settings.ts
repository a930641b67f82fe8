/**
 * The app's one typed settings store (instances, preferences, window bounds) over conf/electron-store.
 * Every write is validated; nothing that looks like a secret is ever accepted. Unreadable files are
 * backed up and reset with a notice (see settings-store.ts), also when they break while running.
 */
import type { ConfConstructor, ConfLike, SettingsNotice } from './settings-store';
import { backUp, defaultSettingsDir, openConf } from './settings-store';
import type { InstanceSettings, Preferences, SettingsData, WindowBounds } from './settings-schema';
import { defaultSettings } from './settings-schema';
import type { ImportResult } from './settings-transfer';
import { exportInstancesJson, mergeImport } from './settings-transfer';
import type { PreferencesPatch } from './settings-validate';
import {
  findSecretField,
  instanceInput,
  preferencesPatch,
  reasonOf,
  windowBoundsInput,
} from './settings-validate';

export type { ConfConstructor, SettingsNotice } from './settings-store';
export type { GlobalShortcut, InstanceSettings, Preferences, WindowBounds } from './settings-schema';
export type { ImportResult } from './settings-transfer';
export { SettingsImportError } from './settings-transfer';
export type { PreferencesPatch } from './settings-validate';

/** A rejected settings write; the message says which field and why, never its value. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface OpenSettingsOptions {
  /** `Conf` (plain Node, tests, CLI) or `ElectronStore` (the app). */
  Store: ConfConstructor;
  /** Folder of settings.json; default defaultSettingsDir() (Electron's userData for wawp-link). */
  cwd?: string;
  /** Told about resets that happen after opening (e.g. the file was broken while the app ran). */
  onNotice?: (notice: SettingsNotice) => void;
}

/** Opens settings; never throws for a corrupt file, it reports a notice instead. */
export function openSettings(options: OpenSettingsOptions): {
  settings: Settings;
  notices: SettingsNotice[];
} {
  const notices: SettingsNotice[] = [];
  const cwd = options.cwd ?? defaultSettingsDir();
  const conf = openConf(options.Store, cwd, notices);
  return { settings: new Settings(options.Store, cwd, conf, options.onNotice ?? (() => undefined)), notices };
}

/** Typed, validated access to settings.json. Build it with openSettings(). */
export class Settings {
  constructor(
    private readonly Store: ConfConstructor,
    private readonly cwd: string,
    private conf: ConfLike,
    private readonly onNotice: (notice: SettingsNotice) => void,
  ) {}

  /** Absolute path of settings.json. */
  get path(): string {
    return this.conf.path;
  }

  #read(): SettingsData {
    try {
      return this.conf.store as SettingsData;
    } catch (error) {
      const notices: SettingsNotice[] = [backUp(this.conf.path, error)];
      this.conf = openConf(this.Store, this.cwd, notices);
      notices.forEach((notice) => this.onNotice(notice));
      return this.conf.store as SettingsData;
    }
  }

  #write(patch: Partial<SettingsData>): void {
    this.conf.store = { ...this.#read(), ...patch };
  }

  /** All instances, in insertion order. */
  listInstances(): InstanceSettings[] {
    return structuredClone(this.#read().instances);
  }

  /** One instance by id, or null. */
  getInstance(id: string): InstanceSettings | null {
    return this.listInstances().find((instance) => instance.id === id) ?? null;
  }

  /** Adds or replaces (by id) a validated, normalised instance; throws SettingsError with the reason. */
  upsertInstance(input: unknown): { instance: InstanceSettings; created: boolean } {
    const secret = findSecretField(input);
    if (secret !== null)
      throw new SettingsError(
        `Field "${secret}" looks like a secret: tokens are kept in the keychain, not in settings.`,
      );
    const parsed = instanceInput.safeParse(input);
    if (!parsed.success) throw new SettingsError(`The instance was not saved: ${reasonOf(parsed.error)}.`);
    const instance = parsed.data;
    const instances = this.#read().instances;
    const at = instances.findIndex((existing) => existing.id === instance.id);
    if (at >= 0) instances[at] = instance;
    else instances.push(instance);
    this.#write({ instances });
    return { instance: structuredClone(instance), created: at < 0 };
  }

  /** Removes an instance; false when it was not there. (Its token is the caller's to delete from the SecretStore.) */
  removeInstance(id: string): boolean {
    const instances = this.#read().instances;
    const kept = instances.filter((instance) => instance.id !== id);
    if (kept.length === instances.length) return false;
    this.#write({ instances: kept });
    return true;
  }

  /** Current preferences (defaults filled in). */
  getPreferences(): Preferences {
    return structuredClone(this.#read().preferences ?? defaultSettings().preferences);
  }

  /** Applies a validated partial update and returns the new preferences; throws SettingsError. */
  setPreferences(patch: PreferencesPatch): Preferences {
    const parsed = preferencesPatch.safeParse(patch);
    if (!parsed.success) throw new SettingsError(`Preferences were not saved: ${reasonOf(parsed.error)}.`);
    const current = this.getPreferences();
    const { globalShortcut, ...flags } = parsed.data;
    const next: Preferences = { ...current, ...stripUndefined(flags) };
    next.globalShortcut = { ...current.globalShortcut, ...stripUndefined(globalShortcut ?? {}) };
    this.#write({ preferences: next });
    return structuredClone(next);
  }

  /** Last saved main-window bounds, or null. */
  getWindowBounds(): WindowBounds | null {
    return structuredClone(this.#read().windowBounds ?? null);
  }

  /** Saves window bounds (null forgets them); throws SettingsError for nonsense values. */
  setWindowBounds(bounds: WindowBounds | null): void {
    if (bounds === null) return this.#write({ windowBounds: null });
    const parsed = windowBoundsInput.safeParse(bounds);
    if (!parsed.success) throw new SettingsError(`Window position was not saved: ${reasonOf(parsed.error)}.`);
    this.#write({ windowBounds: stripUndefined(parsed.data) as WindowBounds });
  }

  /** The instance list as JSON (no secrets), for a file the user can keep or move to another machine. */
  exportInstances(): string {
    return exportInstancesJson(this.listInstances());
  }

  /** Merges an exported list by id; throws SettingsImportError when the whole file is unusable. */
  importInstances(json: string): ImportResult {
    const { instances, result } = mergeImport(this.listInstances(), json);
    if (result.added || result.updated) this.#write({ instances });
    return result;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
