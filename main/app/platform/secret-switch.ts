/**
 * The SecretStore the app hands out: the keychain when it works; otherwise nothing until the user consents
 * to a fallback (never a silent one). Saving a token before that fails with the keychain's fix-it message.
 */
import type { SecretFallback, SecretStoreChoice } from '../../store/choose-secret-store';
import type { KeychainHealth, SecretLocation, SecretStore } from '../../store/secrets';

/** A SecretStore plus the consent step. */
export interface SecretSwitch extends SecretStore {
  /** Fallbacks on offer while no store is chosen (empty once one is). */
  offers(): SecretFallback[];
  /** Applies the user's consent; false when that fallback is not on offer. */
  consent(fallback: SecretFallback): Promise<boolean>;
}

/** Wraps the startup choice; `choose(consent)` re-runs chooseSecretStore with the user's consent. */
export function createSecretSwitch(
  initial: SecretStoreChoice,
  choose: (consent: SecretFallback) => Promise<SecretStoreChoice>,
): SecretSwitch {
  let current = initial;
  const unavailable = (): Error =>
    new Error(
      `${current.health.message || 'The system keychain is unavailable.'} Or choose where to keep tokens in Settings.`,
    );
  return {
    get location(): SecretLocation {
      return current.store?.location ?? 'keychain';
    },
    get: (key) => current.store?.get(key) ?? Promise.resolve(null),
    set: (key, token) => current.store?.set(key, token) ?? Promise.reject(unavailable()),
    delete: (key) => current.store?.delete(key) ?? Promise.resolve(false),
    list: () => current.store?.list() ?? Promise.resolve([]),
    health: (): Promise<KeychainHealth> => Promise.resolve(current.health),
    offers: () => (current.store ? [] : [...current.offers]),
    async consent(fallback) {
      if (current.store || !current.offers.includes(fallback)) return false;
      const next = await choose(fallback);
      if (!next.store) return false;
      current = next;
      return true;
    },
  };
}
