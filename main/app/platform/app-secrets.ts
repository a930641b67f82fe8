/**
 * Where tokens live in the app: the keychain when its probe (under a timeout: a locked keyring can block for
 * ever) says it works, else the fallbacks after the user's consent (secret-switch.ts). Built without waiting:
 * the probe runs in the background, so the window never waits for the keychain.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { chooseSecretStore } from '../../store/choose-secret-store';
import { createKeychainMonitor } from '../../store/keychain-monitor';
import { KeytarStore, probeKeychain } from '../../store/keytar-store';
import { log } from './log';
import { safeStorageEncryptor } from './safe-storage';
import { createSecretSwitch, type SecretSwitch } from './secret-switch';
import { withTimeout } from '../../store/secret-error';
import type { Encryptor } from '../../store/secrets';

/**
 * On Linux, safeStorage asks the same Secret Service the keychain probe found hanging: an availability check
 * that does not answer in time counts as "not available", so the keychain state never waits on it.
 */
function answeringWithin(encryptor: Encryptor, ms: number): Encryptor {
  return {
    ...encryptor,
    isEncryptionAvailable: () =>
      withTimeout(encryptor.isEncryptionAvailable(), ms, 'check system encryption').catch(() => false),
  };
}

/** Call after `app.whenReady()` (safeStorage needs it); then `recheck()` runs the first probe. */
export function createAppSecrets(): SecretSwitch {
  const keychain = new KeytarStore();
  const encryptor = answeringWithin(safeStorageEncryptor(), 3_000);
  const encryptedFilePath = join(app.getPath('userData'), 'tokens.bin');
  const monitor = createKeychainMonitor({
    probe: async () => {
      const health = await probeKeychain();
      if (health.state !== 'ok') log.warn(`keychain: ${health.state}: ${health.message}`);
      return health;
    },
  });
  return createSecretSwitch({
    keychain,
    monitor,
    choose: (health, consent) =>
      chooseSecretStore({
        keychain,
        health,
        encryptor,
        encryptedFilePath,
        ...(consent ? { consent } : {}),
        onNotice: (message: string) => log.warn(`tokens: ${message}`),
      }),
  });
}
