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

/** `checking` while a probe runs and nothing is known yet (the app starts before the keychain answers). */
export type KeychainState = 'ok' | 'checking' | 'locked' | 'no-provider' | 'no-dbus' | 'error';

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

/**
 * Encryption the app injects for the encrypted-file fallback (Electron's safeStorage has this shape;
 * adapted in main/app/platform/safe-storage.ts so the stores never import electron).
 */
export interface Encryptor {
  /** safeStorage.isAsyncEncryptionAvailable (the synchronous calls are deprecated in Electron 45). */
  isEncryptionAvailable(): Promise<boolean>;
  /** Linux only in Electron: `basic_text` means a hard-coded key, which we refuse to rely on. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the key was rotated or a better one is available; write the data again. */
  decryptString(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** What each location means, in the user's words (settings shows this next to each instance). */
export const SECRET_LOCATION_TEXT: Record<SecretLocation, string> = {
  keychain: 'Saved in the system keychain.',
  'encrypted-file':
    'Saved encrypted with system encryption in a file only you can read (the keychain was unavailable).',
  'session-memory': 'Kept for this session only: you will have to enter it again after restarting wawp-link.',
};
