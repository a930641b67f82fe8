/**
 * A real Encryptor for tests (AES-256-GCM with a per-instance random key), standing in for Electron's
 * safeStorage, which needs the Electron binary. `backend` lets tests play Linux's `basic_text`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../main/store/secrets';

/** A test Encryptor whose key can be rotated, as safeStorage's async API reports with `shouldReEncrypt`. */
export type TestEncryptor = Encryptor & {
  /** A new key for writing; data under the old one still decrypts, reported as `shouldReEncrypt`. */
  rotate(): void;
  /** How many strings were encrypted. */
  encryptions(): number;
};

/** An AES-GCM Encryptor reporting the given safeStorage backend (async, like safeStorage's *Async calls). */
export function testEncryptor(
  backend: string | undefined = 'gnome_libsecret',
  available = true,
): TestEncryptor {
  const keys = [randomBytes(32)];
  let count = 0;
  return {
    isEncryptionAvailable: () => Promise.resolve(available),
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString(plainText) {
      count += 1;
      const iv = randomBytes(12);
      const version = keys.length - 1;
      const cipher = createCipheriv('aes-256-gcm', keys[version]!, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), body]));
    },
    decryptString(encrypted) {
      try {
        const version = encrypted[0]!;
        const decipher = createDecipheriv('aes-256-gcm', keys[version]!, encrypted.subarray(1, 13));
        decipher.setAuthTag(encrypted.subarray(13, 29));
        const result = Buffer.concat([decipher.update(encrypted.subarray(29)), decipher.final()]).toString(
          'utf8',
        );
        return Promise.resolve({ result, shouldReEncrypt: version !== keys.length - 1 });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    rotate: () => void keys.push(randomBytes(32)),
    encryptions: () => count,
  };
}
