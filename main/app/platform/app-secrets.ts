/**
 * Where tokens live in the app: probe the keychain at startup (with a timeout: a locked keyring can block
 * for ever), use it when healthy, else offer the fallbacks and wait for the user's consent (secret-switch.ts).
 */
import { join } from 'node:path';
import { app } from 'electron';
import { chooseSecretStore, type SecretFallback } from '../../store/choose-secret-store';
import { KeytarStore, probeKeychain } from '../../store/keytar-store';
import { log } from './log';
import { safeStorageEncryptor } from './safe-storage';
import { createSecretSwitch, type SecretSwitch } from './secret-switch';

/** Call after `app.whenReady()` (safeStorage needs it). */
export async function setupSecrets(): Promise<SecretSwitch> {
  const keychain = new KeytarStore();
  const health = await probeKeychain();
  if (health.state !== 'ok') log.warn(`keychain: ${health.state}: ${health.message}`);
  const options = {
    keychain,
    health,
    encryptor: safeStorageEncryptor(),
    encryptedFilePath: join(app.getPath('userData'), 'tokens.bin'),
    onNotice: (message: string) => log.warn(`tokens: ${message}`),
  };
  const choose = (consent: SecretFallback) => chooseSecretStore({ ...options, consent });
  return createSecretSwitch(await chooseSecretStore(options), choose);
}
