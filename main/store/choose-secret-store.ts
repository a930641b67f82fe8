/**
 * Picks where tokens live: the keychain when its probe says ok; otherwise nothing until the user
 * explicitly consents to one of the offered fallbacks. Never falls back silently.
 */
import type { Encryptor, KeychainHealth, SecretKey, SecretLocation, SecretStore } from './secrets';
import { EncryptedFileStore, isRealEncryption } from './encrypted-file-store';
import { SessionMemoryStore } from './session-memory-store';

/** A fallback the user may agree to when the keychain is unusable. */
export type SecretFallback = Exclude<SecretLocation, 'keychain'>;

export interface ChooseSecretStoreOptions {
  /** The keychain store (a KeytarStore in the app and CLI). */
  keychain: SecretStore;
  /** Probe result; when absent, `keychain.health()` is asked. */
  health?: KeychainHealth;
  /** Electron safeStorage, adapted; absent in the CLI. */
  encryptor?: Encryptor;
  /** Where the encrypted file would live (e.g. userData/tokens.bin). Required for the encrypted-file offer. */
  encryptedFilePath?: string;
  /** The fallback the user explicitly agreed to; without it no fallback is ever returned. */
  consent?: SecretFallback;
  /** Token-free notices from the encrypted file store (e.g. an unreadable file moved aside). */
  onNotice?: (message: string) => void;
}

export interface SecretStoreChoice {
  /** The store to use, or null when the user must first consent to a fallback (see `offers`). */
  store: SecretStore | null;
  /** The keychain's health, with the fix-it message to show when it is not ok. */
  health: KeychainHealth;
  /** Fallbacks the user may consent to, best first (empty when the keychain is ok). */
  offers: SecretFallback[];
}

/** Keychain when healthy; otherwise the consented fallback if it is on offer, else null plus the offers. */
export async function chooseSecretStore(options: ChooseSecretStoreOptions): Promise<SecretStoreChoice> {
  const health = options.health ?? (await options.keychain.health());
  if (health.state === 'ok') return { store: options.keychain, health, offers: [] };
  const canEncrypt = Boolean(options.encryptedFilePath) && (await isRealEncryption(options.encryptor));
  const offers: SecretFallback[] = canEncrypt ? ['encrypted-file', 'session-memory'] : ['session-memory'];
  if (!options.consent || !offers.includes(options.consent)) return { store: null, health, offers };
  const store =
    options.consent === 'encrypted-file'
      ? await EncryptedFileStore.open({
          filePath: options.encryptedFilePath!,
          encryptor: options.encryptor!,
          ...(options.onNotice ? { onNotice: options.onNotice } : {}),
        })
      : new SessionMemoryStore();
  return { store, health, offers };
}

/** Where the token for `key` lives among `stores` (first hit wins), or null when none holds one. */
export async function locateSecret(
  stores: readonly SecretStore[],
  key: SecretKey,
): Promise<SecretLocation | null> {
  for (const store of stores) {
    try {
      if ((await store.get(key)) !== null) return store.location;
    } catch {
      // An unusable store holds nothing we can use; the next one may.
    }
  }
  return null;
}

/** Every stored key with its location, for the settings view (tokens themselves are never returned). */
export async function listSecretLocations(
  stores: readonly SecretStore[],
): Promise<Array<SecretKey & { location: SecretLocation }>> {
  const out: Array<SecretKey & { location: SecretLocation }> = [];
  for (const store of stores) {
    try {
      for (const key of await store.list()) out.push({ ...key, location: store.location });
    } catch {
      // Listed as missing; the store's health() explains why.
    }
  }
  return out;
}
