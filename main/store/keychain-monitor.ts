/**
 * The keychain's health as it is now, not as it was at startup: one probe at a time (callers join the one
 * in flight), re-run when the user asks ("Try again") or, at most every `minIntervalMs`, when a token is needed
 * while the keychain is unusable. Pure: the probe and the clock are injected.
 */
import type { KeychainHealth } from './secrets';

/** The health reported before the first probe has answered. */
export const CHECKING: KeychainHealth = { state: 'checking', message: 'Checking the keychain…' };

export interface KeychainMonitor {
  /** The last known health (CHECKING until the first probe answers). */
  current(): KeychainHealth;
  /**
   * Probes unless one runs already (then joins it). Without `force`, a probe that ended less than
   * `minIntervalMs` ago is reused, so a locked keyring is not asked again for every token read.
   */
  check(options?: { force?: boolean }): Promise<KeychainHealth>;
}

export interface KeychainMonitorOptions {
  /** Never rejects (probeKeychain in the app); a rejection is reported as state `error`. */
  probe: () => Promise<KeychainHealth>;
  now?: () => number;
  /** Default 5 s. */
  minIntervalMs?: number;
}

/** Creates a monitor; it does not probe until `check` is first called. */
export function createKeychainMonitor(options: KeychainMonitorOptions): KeychainMonitor {
  const now = options.now ?? Date.now;
  const minIntervalMs = options.minIntervalMs ?? 5_000;
  let health = CHECKING;
  let endedAt: number | null = null;
  let inFlight: Promise<KeychainHealth> | null = null;

  const run = (): Promise<KeychainHealth> => {
    inFlight = options
      .probe()
      .catch((error: unknown): KeychainHealth => ({
        state: 'error',
        message: `The keychain check failed (${error instanceof Error ? error.message : String(error)}).`,
      }))
      .then((result) => {
        health = result;
        endedAt = now();
        inFlight = null;
        return result;
      });
    return inFlight;
  };

  return {
    current: () => health,
    check({ force = false } = {}) {
      if (inFlight) return inFlight;
      if (!force && endedAt !== null && now() - endedAt < minIntervalMs) return Promise.resolve(health);
      return run();
    },
  };
}
