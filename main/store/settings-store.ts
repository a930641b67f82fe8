/**
 * Opens the settings file through an injected Conf-compatible class (electron-store in the app, conf
 * under plain Node) and survives a corrupt or schema-violating file: it is moved aside as
 * `settings.json.corrupt-<timestamp>`, a fresh file with defaults is created, and a notice is returned.
 */
import { existsSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MigrationReport } from './settings-migrations';
import { settingsMigrations } from './settings-migrations';
import {
  defaultSettings,
  SETTINGS_NAME,
  SETTINGS_ROOT_SCHEMA,
  SETTINGS_SCHEMA,
  SETTINGS_VERSION,
} from './settings-schema';

/** The part of conf / electron-store that settings use. */
export interface ConfLike {
  store: Record<string, unknown>;
  readonly path: string;
}

/** Options passed to the injected class: valid for both conf 15 and electron-store 11. */
export interface SettingsConfOptions {
  cwd: string;
  /** electron-store's name for the file. */
  name: string;
  /** conf's name for the file. */
  configName: string;
  projectVersion: string;
  schema: typeof SETTINGS_SCHEMA;
  rootSchema: typeof SETTINGS_ROOT_SCHEMA;
  defaults: Record<string, unknown>;
  migrations: Record<string, (store: ConfLike) => void>;
  clearInvalidConfig: false;
  configFileMode: number;
  watch: false;
}

/** `Conf` from 'conf' or `ElectronStore` from 'electron-store' (same constructor options). */
export type ConfConstructor = new (options: SettingsConfOptions) => ConfLike;

/** Something the user should be told about the settings file (never contains a secret). */
export interface SettingsNotice {
  kind: 'reset' | 'migrated';
  message: string;
  /** For `reset`: where the unreadable file was moved. */
  backupPath?: string;
}

/** Where the app keeps settings: the same folder as Electron's userData for an app named wawp-link, so the CLI shares them. */
export function defaultSettingsDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'wawp-link');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'wawp-link');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'wawp-link');
}

/** Constructs the store, backing up and resetting an unreadable file once; throws only if a fresh file fails too. */
export function openConf(Store: ConfConstructor, cwd: string, notices: SettingsNotice[]): ConfLike {
  const report: MigrationReport = { removedSecretFields: 0, droppedInstances: 0 };
  const options = (): SettingsConfOptions => ({
    cwd,
    name: SETTINGS_NAME,
    configName: SETTINGS_NAME,
    projectVersion: SETTINGS_VERSION,
    schema: SETTINGS_SCHEMA,
    rootSchema: SETTINGS_ROOT_SCHEMA,
    defaults: defaultSettings(),
    migrations: settingsMigrations(report),
    clearInvalidConfig: false,
    configFileMode: 0o600,
    watch: false,
  });
  let conf: ConfLike;
  try {
    conf = new Store(options());
  } catch (error) {
    notices.push(backUp(join(cwd, `${SETTINGS_NAME}.json`), error));
    report.removedSecretFields = report.droppedInstances = 0;
    conf = new Store(options());
  }
  if (report.removedSecretFields || report.droppedInstances) {
    const parts = [];
    if (report.removedSecretFields)
      parts.push(
        `removed ${report.removedSecretFields} token field(s) that older versions kept in plain text (enter those tokens again; they now go to the keychain)`,
      );
    if (report.droppedInstances)
      parts.push(`dropped ${report.droppedInstances} instance(s) that could not be read`);
    notices.push({ kind: 'migrated', message: `Settings were upgraded: ${parts.join('; ')}.` });
  }
  return conf;
}

/** Moves an unreadable settings file aside and says so (the reason is conf's, which names fields, not values). */
export function backUp(path: string, error: unknown): SettingsNotice {
  const reason = classify(error);
  if (!existsSync(path))
    return { kind: 'reset', message: `The settings could not be opened (${reason}); defaults are used.` };
  const backupPath = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, backupPath);
  return {
    kind: 'reset',
    backupPath,
    message: `The settings file was unreadable (${reason}). It was saved as ${backupPath} and settings were reset to defaults.`,
  };
}

function classify(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError || /JSON/i.test(text)) return 'not valid JSON';
  if (/schema violation/i.test(text)) return 'it does not match the expected layout';
  if (/migration/i.test(text)) return 'it could not be upgraded';
  return 'unexpected error';
}
