/**
 * Adapts Electron's safeStorage to the stores' injected Encryptor (the stores never import electron).
 * Call after `app.whenReady()`: before that, Linux reports the backend as `unknown` and we refuse it.
 */
import { safeStorage } from 'electron';
import type { Encryptor } from '../../store/secrets';

/** safeStorage as an Encryptor for EncryptedFileStore / chooseSecretStore. */
export function safeStorageEncryptor(): Encryptor {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    getSelectedStorageBackend:
      process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
