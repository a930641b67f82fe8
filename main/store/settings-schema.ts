/**
 * The shape of settings.json: TypeScript types, the JSON schema conf/electron-store validate the file
 * against, and the defaults. No secret ever has a place here (additionalProperties: false everywhere).
 */

/** One Wawp instance the user manages (its token lives in a SecretStore, never here). */
export interface InstanceSettings {
  /** The 12-character Wawp instance id, e.g. `3EB0BCB2E3D4`. */
  id: string;
  label: string;
  /** Normalised: lowercase scheme and host, no trailing slash. */
  baseUrl: string;
  /** Digits only with country code; when set, a login to another number is flagged. */
  expectedPhone?: string;
}

export interface GlobalShortcut {
  enabled: boolean;
  /** An Electron accelerator, e.g. `CommandOrControl+Shift+L`. */
  accelerator: string;
}

export interface Preferences {
  launchAtLogin: boolean;
  startHidden: boolean;
  notifications: boolean;
  globalShortcut: GlobalShortcut;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface SettingsData extends Record<string, unknown> {
  instances: InstanceSettings[];
  preferences: Preferences;
  windowBounds: WindowBounds | null;
}

/** Version of the settings layout (not the app version); bump it with a new migration. */
export const SETTINGS_VERSION = '2.0.0';
/** The settings file is `<dir>/settings.json`. */
export const SETTINGS_NAME = 'settings';
/** Wawp instance ids: 12 letters or digits. */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9]{12}$/;

/** Defaults for a fresh install; returned as a new object each time. */
export function defaultSettings(): SettingsData {
  return {
    instances: [],
    preferences: {
      launchAtLogin: false,
      startHidden: false,
      notifications: true,
      globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Shift+L' },
    },
    windowBounds: null,
  };
}

const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;

/** Per-key JSON schemas for conf's `schema` option (it wraps them in an object schema). */
export const SETTINGS_SCHEMA = {
  instances: {
    type: 'array',
    maxItems: 1000,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'label', 'baseUrl'],
      properties: {
        id: { type: 'string', pattern: INSTANCE_ID_PATTERN.source },
        label: { type: 'string', minLength: 1, maxLength: 100 },
        baseUrl: { type: 'string', pattern: '^https?://[^\\s?#@]+$', maxLength: 2048 },
        expectedPhone: { type: 'string', pattern: '^[1-9][0-9]{5,14}$' },
      },
    },
  },
  preferences: {
    type: 'object',
    additionalProperties: false,
    required: ['launchAtLogin', 'startHidden', 'notifications', 'globalShortcut'],
    properties: {
      launchAtLogin: { type: 'boolean' },
      startHidden: { type: 'boolean' },
      notifications: { type: 'boolean' },
      globalShortcut: {
        type: 'object',
        additionalProperties: false,
        required: ['enabled', 'accelerator'],
        properties: {
          enabled: { type: 'boolean' },
          accelerator: { type: 'string', minLength: 1, maxLength: 100 },
        },
      },
    },
  },
  windowBounds: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['width', 'height'],
    properties: {
      x: int(-100000, 100000),
      y: int(-100000, 100000),
      width: int(100, 20000),
      height: int(100, 20000),
    },
  },
  // conf keeps its migration bookkeeping here.
  __internal__: { type: 'object' },
} as const;

/** Root schema options: nothing but the known keys may sit at the top level (no stray token fields). */
export const SETTINGS_ROOT_SCHEMA = { additionalProperties: false } as const;
