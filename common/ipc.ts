/**
 * The one IPC contract between main and renderer. Adding a channel is one line here; main/app/ipc/ipc.ts and
 * preload/index.ts derive their types from these maps. Tokens only ever travel renderer -> main (write-only):
 * no response or push type below may contain one.
 */
import type { LoginEvent, Me, PairingCode, SessionStatus } from './model';
import type { RemoteLinkEvent, RemoteLinkOffer } from './remote-link';

/** Keychain state as settings show it (mirrors main/store/secrets.ts KeychainHealth). */
export interface KeychainHealthView {
  state: 'ok' | 'locked' | 'no-provider' | 'no-dbus' | 'error';
  message: string;
}

/** Expected failures are data, not exceptions. `code` lets the UI pick the next action. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; reason: string };

export type TokenLocation = 'keychain' | 'encrypted-file' | 'session-memory';

/** What the renderer may know about an instance (never its token). */
export interface InstanceView {
  id: string;
  label: string;
  baseUrl: string;
  expectedPhone: string | null;
  status: SessionStatus | 'UNKNOWN';
  me: Me | null;
  hasToken: boolean;
  tokenLocation: TokenLocation | null;
  /** Runs against the built-in simulator. */
  isDemo: boolean;
}

/** Add/edit form. `token` is write-only: omitted means "keep the stored one". */
export interface InstanceInput {
  id: string;
  label: string;
  baseUrl: string;
  expectedPhone: string | null;
  token?: string;
}

export interface Preferences {
  launchAtLogin: boolean;
  startHidden: boolean;
  notifications: boolean;
  globalShortcut: { enabled: boolean; accelerator: string };
}

export interface SettingsView {
  preferences: Preferences;
  keychain: KeychainHealthView;
  /** Where new tokens are stored right now. */
  tokenStorage: TokenLocation;
  /**
   * Non-empty while the keychain is unusable and the user has not chosen a fallback yet: the places they may
   * consent to (best first; `settings:token-storage`). Until then saving a token fails with code `secret_store`.
   */
  tokenStorageOffers: Exclude<TokenLocation, 'keychain'>[];
}

/** Views main can ask the renderer to show (tray, deep links, second launch). */
export type NavigateTarget =
  | { view: 'list' }
  | { view: 'add' }
  | { view: 'login'; instanceId: string }
  | { view: 'pairing'; instanceId: string }
  | { view: 'remote-link'; instanceId: string }
  | { view: 'settings' };

/** Request/response channels: renderer invokes, main handles. Arguments arrive in main as `unknown` and are parsed. */
export interface InvokeChannels {
  'instances:list': () => InstanceView[];
  'instances:save': (input: InstanceInput) => Result<InstanceView>;
  'instances:remove': (id: string) => Result<null>;
  'instances:test': (input: InstanceInput) => Result<{ status: SessionStatus; me: Me | null }>;
  'instances:export': () => Result<string>;
  'instances:import': (json: string) => Result<{ added: number; updated: number; rejected: number }>;
  'login:start': (id: string) => Result<null>;
  'login:stop': (id: string) => Result<null>;
  'login:restart': (id: string) => Result<null>;
  'login:pairing-code': (id: string, phone: string) => Result<PairingCode>;
  /** A Wawp temp link for a phone elsewhere (reused while it has time left); watching starts with it. */
  'remote-link:open': (id: string) => Result<RemoteLinkOffer>;
  'remote-link:renew': (id: string) => Result<RemoteLinkOffer>;
  'remote-link:cancel': (id: string) => Result<null>;
  'demo:start': () => Result<InstanceView>;
  'demo:scan': (id: string) => Result<null>;
  'settings:get': () => SettingsView;
  'settings:set': (patch: Partial<Preferences>) => Result<Preferences>;
  /** The user's explicit consent to a token fallback offered in SettingsView.tokenStorageOffers. */
  'settings:token-storage': (choice: Exclude<TokenLocation, 'keychain'>) => Result<SettingsView>;
  'clipboard:write': (text: string) => Result<null>;
}

/** Push channels: main sends, renderer subscribes. */
export interface PushChannels {
  'login:event': { instanceId: string; event: LoginEvent };
  'remote-link:event': { instanceId: string; event: RemoteLinkEvent };
  'instances:changed': InstanceView[];
  navigate: NavigateTarget;
}

export type InvokeChannel = keyof InvokeChannels;
export type PushChannel = keyof PushChannels;
export type InvokeArgs<C extends InvokeChannel> = Parameters<InvokeChannels[C]>;
export type InvokeResult<C extends InvokeChannel> = ReturnType<InvokeChannels[C]>;

/** Runtime list of invoke channels (main registers exactly these; a test checks both sides agree). */
export const INVOKE_CHANNELS = [
  'instances:list',
  'instances:save',
  'instances:remove',
  'instances:test',
  'instances:export',
  'instances:import',
  'login:start',
  'login:stop',
  'login:restart',
  'login:pairing-code',
  'remote-link:open',
  'remote-link:renew',
  'remote-link:cancel',
  'demo:start',
  'demo:scan',
  'settings:get',
  'settings:set',
  'settings:token-storage',
  'clipboard:write',
] as const satisfies readonly InvokeChannel[];

export const PUSH_CHANNELS = [
  'login:event',
  'remote-link:event',
  'instances:changed',
  'navigate',
] as const satisfies readonly PushChannel[];
