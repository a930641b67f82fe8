/**
 * The contract for where tokens live. Exactly one implementation imports keytar (keytar-store.ts).
 * Never imports `electron` (the safeStorage-backed store is wired in by main/app).
 */

/** A token is keyed per instance and per base URL: the same id on another server is another secret. */
export interface SecretKey {
  baseUrl: string;
  instanceId: string;
}

/** Where a token is kept, shown to users in settings. */
export type SecretLocation = 'keychain' | 'encrypted-file' | 'session-memory';

export type KeychainState = 'ok' | 'locked' | 'no-provider' | 'no-dbus' | 'error';

export interface KeychainHealth {
  state: KeychainState;
  /** What is wrong and how to fix it on this platform, in the user's words (empty when ok). */
  message: string;
}

export interface SecretStore {
  readonly location: SecretLocation;
  get(key: SecretKey): Promise<string | null>;
  /** Rejects with a clear error for what the platform cannot hold (e.g. > 2,560 bytes on Windows). */
  set(key: SecretKey, token: string): Promise<void>;
  delete(key: SecretKey): Promise<boolean>;
  list(): Promise<SecretKey[]>;
  health(): Promise<KeychainHealth>;
}
