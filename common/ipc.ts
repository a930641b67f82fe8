/**
 * The one IPC contract between main and renderer. Adding a channel is one line here; main/app/ipc/ipc.ts and
 * preload/index.ts derive their types from these maps. Tokens only ever travel renderer -> main (write-only):
 * no response or push type below may contain one.
 */
import type { BatchCommand, BatchSelection, BatchView } from './batch';
import type { LoginEvent, Me, NetworkCause, PairingCode, SessionStatus } from './model';
import type { RemoteLinkEvent, RemoteLinkOffer } from './remote-link';

/** Keychain state as settings show it (mirrors main/store/secrets.ts KeychainHealth). */
export interface KeychainHealthView {
  state: 'ok' | 'checking' | 'locked' | 'no-provider' | 'no-dbus' | 'error';
  message: string;
}

/**
 * An expected failure as data. `code` picks the UI's next action; `host`, `cause` and `detail` come along when
 * a Wawp request failed, so the renderer can describe it with describeProblem (common/problems.ts).
 */
export interface Failure {
  ok: false;
  code: string;
  reason: string;
  host?: string;
  cause?: NetworkCause;
  /** Redacted technical detail, for a collapsed "Details" only. */
  detail?: string;
}

/** Expected failures are data, not exceptions. */
export type Result<T> = { ok: true; value: T } | Failure;

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
  /** The problem its last login stopped on (described in the UI by describeProblem); absent or null: none. */
  problem?: { code: string; host?: string; cause?: NetworkCause } | null;
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

/** Something about this computer's desktop integration the user should know (text: renderer/strings.ts). */
export type DesktopNote =
  'appimage-no-sandbox' | 'appimage-no-links' | 'no-tray-close-quits' | 'notifications-failed';

/** Desktop integration as the OS reports it (never the saved wish): shown in Settings. */
export interface DesktopStatusView {
  /** The OS's launch-at-login state (login item / XDG autostart entry); null where it cannot be read. */
  launchAtLogin: boolean | null;
  /** The global shortcut: off, registered with the OS, or refused (`reason` says why and what to do). */
  shortcut: { state: 'off' | 'registered' | 'failed'; accelerator: string; reason: string | null };
  notes: DesktopNote[];
  /** "Re-link" notices the OS would not show as notifications, until the instance is linked again. */
  banners: DesktopBanner[];
}

/** Shown as a banner in the window when the OS would not show a notification (e.g. unsigned macOS builds). */
export interface DesktopBanner {
  kind: 'relink';
  instanceId: string;
  label: string;
}

export interface SettingsView {
  /** `launchAtLogin` is the OS's state when `desktop` can read it. */
  preferences: Preferences;
  /** Absent outside the desktop app (browser harness, CLI). */
  desktop?: DesktopStatusView;
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
  | { view: 'settings' }
  | { view: 'batch' };

/** Request/response channels: renderer invokes, main handles. Arguments arrive in main as `unknown` and are parsed. */
export interface InvokeChannels {
  'instances:list': () => InstanceView[];
  'instances:save': (input: InstanceInput) => Result<InstanceView>;
  'instances:remove': (id: string) => Result<null>;
  'instances:test': (input: InstanceInput) => Result<{ status: SessionStatus; me: Me | null }>;
  'instances:export': () => Result<string>;
  'instances:import': (json: string) => Result<{ added: number; updated: number; rejected: number }>;
  /** Makes the number linked right now the instance's expected number (after a wrong-number warning). */
  'instances:keep-number': (id: string) => Result<InstanceView>;
  'login:start': (id: string) => Result<null>;
  'login:stop': (id: string) => Result<null>;
  'login:restart': (id: string) => Result<null>;
  /** Logs the linked number out of the instance, then starts a login so a new code shows. */
  'login:relink': (id: string) => Result<null>;
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
  /** "Try again": probes the keychain now; the view carries what it found. */
  'settings:keychain-check': () => SettingsView;
  'clipboard:write': (text: string) => Result<null>;
  'batch:start': (selection: BatchSelection) => Result<BatchView>;
  'batch:control': (command: BatchCommand) => Result<BatchView | null>;
  'batch:get': () => BatchView | null;
}

/** Push channels: main sends, renderer subscribes. */
export interface PushChannels {
  'login:event': { instanceId: string; event: LoginEvent };
  'remote-link:event': { instanceId: string; event: RemoteLinkEvent };
  'instances:changed': InstanceView[];
  navigate: NavigateTarget;
  'desktop:banner': DesktopBanner;
  /** The keychain's health changed (first probe done, re-checked, failed mid-run, fallback chosen). */
  'keychain:changed': KeychainHealthView;
  'batch:changed': BatchView | null;
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
  'instances:keep-number',
  'login:start',
  'login:stop',
  'login:restart',
  'login:relink',
  'login:pairing-code',
  'remote-link:open',
  'remote-link:renew',
  'remote-link:cancel',
  'demo:start',
  'demo:scan',
  'settings:get',
  'settings:set',
  'settings:token-storage',
  'settings:keychain-check',
  'clipboard:write',
  'batch:start',
  'batch:control',
  'batch:get',
] as const satisfies readonly InvokeChannel[];

export const PUSH_CHANNELS = [
  'login:event',
  'remote-link:event',
  'instances:changed',
  'navigate',
  'desktop:banner',
  'keychain:changed',
  'batch:changed',
] as const satisfies readonly PushChannel[];
