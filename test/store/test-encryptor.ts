/**
 * A real Encryptor for tests (AES-256-GCM with a per-instance random key), standing in for Electron's
 * safeStorage, which needs the Electron binary. `backend` lets tests play Linux's `basic_text`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../main/store/secrets';

/** An AES-GCM Encryptor reporting the given safeStorage backend. */
export function testEncryptor(backend: string | undefined = 'gnome_libsecret', available = true): Encryptor {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
