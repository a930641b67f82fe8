/**
 * The SecretStore the app hands out: the keychain when it works; otherwise nothing until the user consents
 * to a fallback (never a silent one). Its health follows reality: it starts as `checking` (the window does not
 * wait for the keychain), is probed again on "Try again" and, when a token is needed while no store is usable,
 * by itself; a keychain failure mid-run (or a read that finds nothing) is re-probed so the state shown is real.
 */
import type { SecretFallback, SecretStoreChoice } from '../../store/choose-secret-store';
import type { KeychainMonitor } from '../../store/keychain-monitor';
import { SecretStoreError } from '../../store/secret-error';
import type { KeychainHealth, SecretLocation, SecretStore } from '../../store/secrets';

/** A SecretStore plus the consent step and the re-check. */
export interface SecretSwitch extends SecretStore {
  /** Fallbacks on offer while no store is chosen (empty once one is). */
  offers(): SecretFallback[];
  /** Applies the user's consent; false when that fallback is not on offer. */
  consent(fallback: SecretFallback): Promise<boolean>;
  /** Probes the keychain now (startup, "Try again"); resolves with the health found. */
  recheck(): Promise<KeychainHealth>;
  /** Called after the health or the store changed (the app tells the renderer); returns the unsubscribe. */
  onChange(listener: (health: KeychainHealth) => void): () => void;
}

export interface SecretSwitchOptions {
  /** The keychain store (KeytarStore in the app). */
  keychain: SecretStore;
  /** Probes `keychain` (probeKeychain behind a KeychainMonitor). */
  monitor: KeychainMonitor;
  /** chooseSecretStore over the app's options with this health and, once given, the user's consent. */
  choose: (health: KeychainHealth, consent?: SecretFallback) => Promise<SecretStoreChoice>;
}

/** Failures that say something about the keychain itself (not about one token). */
function isKeychainFailure(error: unknown): boolean {
  return error instanceof SecretStoreError && (error.code === 'keychain' || error.code === 'timeout');
}

const sameHealth = (a: KeychainHealth, b: KeychainHealth): boolean =>
  a.state === b.state && a.message === b.message;

/** Creates the switch in state `checking`; call `recheck()` to run the first probe (in the background). */
export function createSecretSwitch(options: SecretSwitchOptions): SecretSwitch {
  const { keychain, monitor, choose } = options;
  let current: SecretStoreChoice = { store: null, health: monitor.current(), offers: [] };
  let consented = false;
  const listeners = new Set<(health: KeychainHealth) => void>();

  const refresh = async (force: boolean): Promise<KeychainHealth> => {
    const health = await monitor.check({ force });
    const before = current;
    // A fallback the user chose stays: its tokens live there. Only the health shown follows the probe.
    current = consented ? { ...current, health } : await choose(health);
    if (!sameHealth(before.health, current.health) || before.store !== current.store)
      for (const listener of listeners) listener(current.health);
    return current.health;
  };
  /** The store to use, probing first (at most every few seconds) when there is none yet. */
  const usable = async (): Promise<SecretStore | null> => {
    if (!current.store) await refresh(false);
    return current.store;
  };
  const guard = async <T>(store: SecretStore, run: (store: SecretStore) => Promise<T>): Promise<T> => {
    try {
      return await run(store);
    } catch (error) {
      if (store === keychain && !consented && isKeychainFailure(error)) await refresh(true);
      throw error;
    }
  };
  const unavailable = (): Error =>
    new Error(
      `${current.health.message || 'The system keychain is unavailable.'} Or choose where to keep tokens in Settings.`,
    );

  return {
    get location(): SecretLocation {
      return current.store?.location ?? 'keychain';
    },
    async get(key) {
      const store = await usable();
      if (!store) return null;
      const token = await guard(store, (s) => s.get(key));
      if (token !== null || store !== keychain || consented) return token;
      // A locked Secret Service hides its items instead of failing: "no token" may mean "locked". Ask again
      // (at most every few seconds) and say so rather than report a stored token as missing.
      const health = await refresh(false);
      if (health.state !== 'ok') throw new SecretStoreError('keychain', health.message);
      return null;
    },
    async set(key, token) {
      const store = await usable();
      if (!store) throw unavailable();
      return guard(store, (s) => s.set(key, token));
    },
    async delete(key) {
      const store = await usable();
      return store ? guard(store, (s) => s.delete(key)) : false;
    },
    async list() {
      const store = await usable();
      return store ? guard(store, (s) => s.list()) : [];
    },
    health: (): Promise<KeychainHealth> => Promise.resolve(current.health),
    offers: () => (current.store ? [] : [...current.offers]),
    async consent(fallback) {
      if (current.store || !current.offers.includes(fallback)) return false;
      const next = await choose(current.health, fallback);
      if (!next.store) return false;
      current = next;
      consented = true;
      for (const listener of listeners) listener(current.health);
      return true;
    },
    recheck: () => refresh(true),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
