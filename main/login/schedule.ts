/**
 * Pure timing decisions of the login loop: how often to ask for the status, and when a QR code must
 * leave the screen and its successor be fetched. All delays are clamped, so a wrong clock, a wrong
 * `expiry` unit or a hostile server can neither stall refreshes nor cause a request storm.
 */

/** Every tunable of the loop, in ms (the benchmark scales them with the simulator's timeScale). */
export interface LoginTiming {
  /** Status poll while a code is on screen: at most one request per this interval. */
  activePollMs: number;
  /** Status poll right after a scan (STARTING follows SCAN_QR_CODE): WORKING is seconds away. */
  settlingPollMs: number;
  /**
   * Active poll once the server answered 429, for the rest of the session: a limited account sees a
   * few 429s per login at most, and a scan is still noticed within ~5 s.
   */
  rateLimitedPollMs: number;
  /** Status poll when nothing is being shown (WORKING, FAILED, STOPPED without autoStart). */
  idlePollMs: number;
  /** Extra random delay added to each poll, as a fraction of it (spreads Date-header phases). */
  pollJitter: number;
  /** Wait after the latest possible death before asking for the next code (server-side rotation lag). */
  qrRefreshMarginMs: number;
  /**
   * Product choice: withdraw a code this long before the earliest moment it may be dead. 0 = keep it
   * up until then (the bench counts any lead as blank time); raise it to spare users a scan that
   * starts in the code's last fraction of a second.
   */
  qrHideLeadMs: number;
  /**
   * How late a reply held until the cycle's first code exists may arrive, beyond a round trip, after
   * the code was made: the guard on the estimate of its birth (checked at the first rotation).
   */
  qrReplyLagMs: number;
  /** How much later than the beat a server's rotation timer may fire (whole-second lifetimes). */
  qrRotationDriftMs: number;
  /** Retry delay when the server still returns the old code. */
  qrSameValueRetryMs: number;
  /** Lifetime assumed when `expiry` is missing or implausible. */
  qrFallbackTtlMs: number;
  /** Longest plausible code lifetime; longer means a bad clock or a wrong unit. */
  qrMaxTtlMs: number;
  /** Lifetime of every code after a cycle's first (60 s first, then 20 s each). */
  qrNextTtlMs: number;
  /** Codes per cycle to announce ("code 2 of ~6"). */
  qrExpectedCount: number;
  /** Bounds for every sleep of the loop. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Engine-side deadline per request (above the client's own timeout). */
  requestTimeoutMs: number;
  /** Do not call `start` again sooner than this while the session stays STOPPED. */
  startRetryMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  backoffMinMs: number;
}

/** Production defaults (see issue 4 for the targets they meet). */
export const DEFAULT_TIMING: LoginTiming = {
  activePollMs: 2_000,
  settlingPollMs: 1_000,
  rateLimitedPollMs: 4_000,
  idlePollMs: 30_000,
  pollJitter: 0.1,
  qrRefreshMarginMs: 0,
  qrHideLeadMs: 0,
  qrReplyLagMs: 50,
  qrRotationDriftMs: 20,
  qrSameValueRetryMs: 100,
  qrFallbackTtlMs: 20_000,
  qrMaxTtlMs: 120_000,
  qrNextTtlMs: 20_000,
  qrExpectedCount: 6,
  minDelayMs: 50,
  maxDelayMs: 60_000,
  requestTimeoutMs: 20_000,
  startRetryMs: 10_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  backoffMinMs: 250,
};

const UNSCALED: ReadonlySet<keyof LoginTiming> = new Set(['pollJitter', 'qrExpectedCount']);

/** Multiplies every duration by `factor` (for time-scaled simulator runs). */
export function scaleTiming(timing: LoginTiming, factor: number): LoginTiming {
  const out = { ...timing };
  for (const key of Object.keys(out) as (keyof LoginTiming)[]) {
    if (!UNSCALED.has(key)) out[key] = timing[key] * factor;
  }
  return out;
}

/** Clamps a sleep into [minDelayMs, maxDelayMs]; NaN becomes the minimum. */
export function clampDelay(ms: number, timing: LoginTiming): number {
  if (!Number.isFinite(ms)) return ms > 0 ? timing.maxDelayMs : timing.minDelayMs;
  return Math.min(timing.maxDelayMs, Math.max(timing.minDelayMs, ms));
}

export type PollPace = 'active' | 'settling' | 'idle';

/** The next status poll delay for a pace, with only-positive jitter (never faster than the pace). */
export function pollDelay(pace: PollPace, timing: LoginTiming, random: () => number): number {
  const base =
    pace === 'active' ? timing.activePollMs : pace === 'settling' ? timing.settlingPollMs : timing.idlePollMs;
  return clampDelay(base * (1 + timing.pollJitter * Math.min(Math.max(random(), 0), 1)), timing);
}

/** Where a code sits on the local clock, and when to act on it. */
export interface QrPlan {
  /** Best estimate of the code's death, local epoch ms. */
  expiresAt: number;
  /** When to withdraw it: the earliest moment it may be dead (minus the explicit `qrHideLeadMs`). */
  hideAt: number;
  /** When to ask for its successor: the latest moment it may still live. */
  refreshAt: number;
  /** False when `expiry` was missing or implausible and a fallback lifetime was used. */
  trusted: boolean;
}

export interface QrPlanInput {
  now: number;
  /** The window of the code's death on the local clock (code-death.ts), or null without an expiry. */
  death: { lo: number; hi: number } | null;
  /** How many fetches in a row returned the code already on screen (0 = a new code). */
  sameStreak: number;
  /** The plan of the code on screen, if any. */
  current: QrPlan | null;
}

/** Plans a code: on screen until it may be dead, successor asked for once it surely is. */
export function planQr(input: QrPlanInput, timing: LoginTiming): QrPlan {
  const { now, death } = input;
  let lo: number;
  let hi: number;
  let trusted = true;
  if (
    death &&
    Number.isFinite(death.lo) &&
    Number.isFinite(death.hi) &&
    death.hi > now &&
    death.hi - now <= timing.qrMaxTtlMs
  ) {
    lo = death.lo;
    hi = death.hi;
  } else if (input.sameStreak > 0 && input.current) {
    lo = input.current.hideAt + timing.qrHideLeadMs;
    hi = input.current.expiresAt;
    trusted = input.current.trusted;
  } else {
    // A code the server just handed out cannot already be dead: our clock or its unit is wrong.
    lo = hi = now + timing.qrFallbackTtlMs;
    trusted = false;
  }
  const hideAt = Math.max(now, lo - timing.qrHideLeadMs);
  const wanted = hi + timing.qrRefreshMarginMs;
  // The server has not rotated yet: retry soon, then slower, so a stuck server is not hammered.
  const floor =
    input.sameStreak > 0
      ? Math.min(timing.qrFallbackTtlMs, timing.qrSameValueRetryMs * 2 ** (input.sameStreak - 1))
      : timing.minDelayMs;
  const refreshAt = now + Math.min(timing.maxDelayMs, Math.max(floor, wanted - now));
  return { expiresAt: (lo + hi) / 2, hideAt, refreshAt, trusted };
}
