/**
 * The only module that imports keytar: the OS keychain as a SecretStore, plus the startup probe.
 * Every keytar call is guarded by a timeout, because a locked keyring can block for ever.
 * keytar is loaded lazily so a missing native module reports `error` health instead of crashing.
 */
import type * as KeytarModule from 'keytar';
import type { KeychainHealth, SecretKey, SecretStore } from './secrets';
import { HEALTHY, healthFromError } from './keychain-health';
import { SecretStoreError, withTimeout } from './secret-error';
import { accountFor, assertStorableToken, keyFromAccount, normaliseKey } from './secret-key';

type Keytar = typeof KeytarModule;

/** The keychain service name every wawp-link entry lives under. */
export const KEYCHAIN_SERVICE = 'wawp-link';
/** The account the startup probe writes, reads and deletes (never a real instance). */
export const PROBE_ACCOUNT = '__wawp-link-probe__';

export interface KeytarStoreOptions {
  /** Service name (tests use their own so they never touch real entries). Default `wawp-link`. */
  service?: string;
  /** Per-call timeout in ms (default 5000). */
  timeoutMs?: number;
  /** Platform used for fix-it messages (default process.platform). */
  platform?: NodeJS.Platform;
}

let keytarModule: Promise<Keytar> | undefined;
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then(
    (m) => (m as { default?: Keytar }).default ?? m,
    (error: unknown) => {
      keytarModule = undefined;
      throw new SecretStoreError(
        'unavailable',
        `The keychain module could not be loaded (${(error as Error).message}). Reinstall wawp-link.`,
      );
    },
  );
  return keytarModule;
}

/** keytar calls that timed out but are still blocked in the native layer (each holds a libuv pool thread). */
let stuckCalls = 0;

/**
 * How many keychain calls timed out and are still blocked natively. While > 0, new calls fail fast (so a
 * locked keyring cannot eat the whole libuv thread pool), and process exit may wait for them: a front end
 * that must quit promptly should exit hard (e.g. `process.kill(process.pid, 'SIGKILL')` in a CLI).
 */
export function stuckKeychainCalls(): number {
  return stuckCalls;
}

/** keytar calls started and not yet settled natively (in flight or stuck). */
let unsettledCalls = 0;

/** How many keytar calls have not settled natively yet; while > 0 a prompt quit must exit hard (see above). */
export function pendingKeychainCalls(): number {
  return unsettledCalls;
}

/** Runs one keytar call under the timeout, tracking calls that stay blocked after it. */
function guarded<T>(call: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  if (stuckCalls > 0)
    return Promise.reject(
      new SecretStoreError(
        'timeout',
        `The keychain is still not answering an earlier request, so wawp-link cannot ${what}.`,
      ),
    );
  const pending = call();
  unsettledCalls++;
  const settled = () => {
    unsettledCalls--;
  };
  pending.then(settled, settled);
  return withTimeout(pending, timeoutMs, what).catch((error: unknown) => {
    if (error instanceof SecretStoreError && error.code === 'timeout') {
      stuckCalls++;
      const release = () => {
        stuckCalls--;
      };
      pending.then(release, release);
    }
    throw error;
  });
}

/** Rethrows keytar failures as token-free SecretStoreErrors with a fix-it message. */
function keychainFailure(error: unknown, platform: NodeJS.Platform): never {
  if (error instanceof SecretStoreError && error.code !== 'timeout') throw error;
  const health = healthFromError(error, platform);
  throw new SecretStoreError(error instanceof SecretStoreError ? error.code : 'keychain', health.message);
}

/** Tokens in the OS keychain (Keychain, Credential Manager, Secret Service), one entry per base URL + instance. */
export class KeytarStore implements SecretStore {
  readonly location = 'keychain' as const;
  readonly #service: string;
  readonly #timeoutMs: number;
  readonly #platform: NodeJS.Platform;
  /** Per-account chains so concurrent writes to one entry land in call order. */
  readonly #chains = new Map<string, Promise<unknown>>();

  constructor(options: KeytarStoreOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#platform = options.platform ?? process.platform;
  }

  async #call<T>(what: string, run: (k: Keytar) => Promise<T>): Promise<T> {
    try {
      const keytar = await loadKeytar();
      return await guarded(() => run(keytar), this.#timeoutMs, what);
    } catch (error) {
      keychainFailure(error, this.#platform);
    }
  }

  #serial<T>(account: string, run: () => Promise<T>): Promise<T> {
    const previous = this.#chains.get(account) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => undefined);
    this.#chains.set(account, tail);
    void tail.then(() => {
      if (this.#chains.get(account) === tail) this.#chains.delete(account);
    });
    return next;
  }

  async get(key: SecretKey): Promise<string | null> {
    const account = accountFor(key);
    return await this.#serial(account, () =>
      this.#call('read a token', (k) => k.getPassword(this.#service, account)),
    );
  }

  async set(key: SecretKey, token: string): Promise<void> {
    const account = accountFor(key);
    assertStorableToken(token);
    return await this.#serial(account, () =>
      this.#call('save a token', (k) => k.setPassword(this.#service, account, token)),
    );
  }

  async delete(key: SecretKey): Promise<boolean> {
    const account = accountFor(key);
    return await this.#serial(account, () =>
      this.#call('delete a token', (k) => k.deletePassword(this.#service, account)),
    );
  }

  async list(): Promise<SecretKey[]> {
    const found = await this.#call('list tokens', (k) => k.findCredentials(this.#service));
    const keys: SecretKey[] = [];
    for (const { account } of found) {
      const key = keyFromAccount(account);
      if (key) keys.push(normaliseKey(key));
    }
    return keys.sort((a, b) => (a.baseUrl + a.instanceId).localeCompare(b.baseUrl + b.instanceId));
  }

  health(): Promise<KeychainHealth> {
    return probeKeychain({ service: this.#service, timeoutMs: this.#timeoutMs, platform: this.#platform });
  }
}

/** Writes, reads back and deletes a probe entry, each step under the timeout; never throws. */
export async function probeKeychain(options: KeytarStoreOptions = {}): Promise<KeychainHealth> {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const timeoutMs = options.timeoutMs ?? 3000;
  const platform = options.platform ?? process.platform;
  const value = `probe-${process.pid}-${Date.now()}`;
  try {
    const keytar = await loadKeytar();
    await guarded(() => keytar.setPassword(service, PROBE_ACCOUNT, value), timeoutMs, 'write a test entry');
    const read = await guarded(
      () => keytar.getPassword(service, PROBE_ACCOUNT),
      timeoutMs,
      'read a test entry',
    );
    await guarded(() => keytar.deletePassword(service, PROBE_ACCOUNT), timeoutMs, 'delete a test entry');
    if (read !== value)
      return { state: 'error', message: healthFromError(new Error('probe mismatch'), platform).message };
    return HEALTHY;
  } catch (error) {
    if (error instanceof SecretStoreError && error.code === 'unavailable')
      return { state: 'error', message: error.message };
    return healthFromError(error, platform);
  }
}
