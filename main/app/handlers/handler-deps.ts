/**
 * What the IPC handlers need from the rest of the app, as small ports. No `electron` import here, so the
 * same handlers run inside Electron and in the browser harness under plain Node.
 */
import type { PushChannel, PushChannels } from '../../../common/ipc';
import type { DesktopStatusView, Preferences, TokenLocation } from '../../../common/ipc';
import type { LoginSession } from '../../login/types';
import type { SecretStore } from '../../store/secrets';
import type { WawpClient, WawpClientOptions } from '../../wawp/types';

/** An instance as settings persist it (never a token). */
export interface InstanceRecord {
  id: string;
  label: string;
  baseUrl: string;
  expectedPhone: string | null;
}

/** The slice of the settings store the handlers use (implemented over main/store/settings.ts). */
export interface SettingsPort {
  listInstances(): InstanceRecord[];
  /** Inserts or replaces the record with the same id. */
  putInstance(record: InstanceRecord): void;
  removeInstance(id: string): boolean;
  getPreferences(): Preferences;
  setPreferences(patch: Partial<Preferences>): Preferences;
  /** The instance list as JSON without secrets (settings-transfer.ts format). */
  exportInstances(): string;
  /** Merges an exported list by id; throws with a user-facing message when the whole file is unusable. */
  importInstances(json: string): { added: number; updated: number; rejected: number };
}

/** Opens one engine session for one instance (real: createWawpClient + createLoginSession). */
export type OpenSession = (args: {
  baseUrl: string;
  instanceId: string;
  token: string;
  expectedPhone: string | null;
}) => LoginSession;

/** Credentials of a demo instance on the in-process simulator (token kept in memory only). */
export interface DemoInstance {
  baseUrl: string;
  instanceId: string;
  token: string;
}

/** The built-in simulator behind demo mode. */
export interface DemoBackend {
  /** Starts the simulator (once) and seeds one demo instance; idempotent. */
  start(): Promise<DemoInstance>;
  /** Plays the phone: scans the instance's current QR code. Resolves false with a reason when refused. */
  scan(instanceId: string): Promise<{ ok: true } | { ok: false; reason: string }>;
  close(): Promise<void>;
}

/** Typed push towards every window of ours. */
export type PushSender = <C extends PushChannel>(channel: C, payload: PushChannels[C]) => void;

/** Everything createHandlers needs; tests and the harness pass real parts. */
export interface HandlerDeps {
  settings: SettingsPort;
  secrets: SecretStore;
  openSession: OpenSession;
  createClient: (options: WawpClientOptions) => WawpClient;
  demo: DemoBackend;
  writeClipboard: (text: string) => void | Promise<void>;
  push: PushSender;
  /** Called after preferences change (launch at login, shortcut…) with the patch that changed them; optional. */
  applyPreferences?: (preferences: Preferences, patch: Partial<Preferences>) => void;
  /** What the OS reports about the desktop integration (the app only; absent in the harness). */
  desktopStatus?: () => DesktopStatusView | null;
  /** The consent step when the keychain is unusable (secret-switch.ts); absent means nothing to choose. */
  tokenStorage?: {
    offers(): Exclude<TokenLocation, 'keychain'>[];
    consent(choice: Exclude<TokenLocation, 'keychain'>): Promise<boolean>;
    /** Probes the keychain again ("Try again"). */
    recheck?(): Promise<unknown>;
  };
  /** Unexpected failures in background work (logged by the app; never contains a token). */
  onError?: (context: string, error: unknown) => void;
}
