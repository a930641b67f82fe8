/**
 * Adapts Electron's safeStorage to the stores' injected Encryptor (the stores never import electron).
 * Call after `app.whenReady()`: before that, Linux reports the backend as `unknown` and we refuse it.
 */
import { safeStorage } from 'electron';
import type { Encryptor } from '../../store/secrets';

/**
 * safeStorage as an Encryptor for EncryptedFileStore / chooseSecretStore, through the asynchronous calls
 * (the synchronous ones are deprecated in Electron 45). Files written by the synchronous API decrypt too.
 * https://www.electronjs.org/docs/latest/api/safe-storage
 */
export function safeStorageEncryptor(): Encryptor {
  return {
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    getSelectedStorageBackend:
      process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
    encryptString: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptString: (encrypted) => safeStorage.decryptStringAsync(encrypted),
  };
}
