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
  /** Status poll when nothing is being shown (WORKING, FAILED, STOPPED without autoStart). */
  idlePollMs: number;
  /** Extra random delay added to each poll, as a fraction of it (spreads Date-header phases). */
  pollJitter: number;
  /** Wait after the server's expiry before asking for the next code (server-side rotation lag). */
  qrRefreshMarginMs: number;
  /** Withdraw a code this long before its estimated death (no phone finishes a scan in less). */
  qrHideLeadMs: number;
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
  idlePollMs: 30_000,
  pollJitter: 0.1,
  qrRefreshMarginMs: 150,
  qrHideLeadMs: 250,
  qrSameValueRetryMs: 500,
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
  /** Best estimate of the code's death, local epoch ms (what the `qr` event reports). */
  expiresAt: number;
  /** When to withdraw it at the latest: the earliest moment it may be dead given clock uncertainty. */
  hideAt: number;
  /** When to ask for its successor. */
  refreshAt: number;
  /** False when `expiry` was missing or implausible and a fallback lifetime was used. */
  trusted: boolean;
}

export interface QrPlanInput {
  now: number;
  /** The server's expiry (server clock, ms) or null. */
  serverExpiresAt: number | null;
  /** Server − local offset and its uncertainty (from clock-skew.ts). */
  offsetMs: number;
  uncertaintyMs: number;
  /** How many fetches in a row returned the code already on screen (0 = a new code). */
  sameStreak: number;
  /** The plan of the code on screen, if any. */
  current: QrPlan | null;
}

/** Plans a freshly fetched code: hide before it can be dead, refetch just after it is. */
export function planQr(input: QrPlanInput, timing: LoginTiming): QrPlan {
  const { now, uncertaintyMs } = input;
  const u = Math.min(Math.max(0, uncertaintyMs), 1_000);
  let expiresAt: number;
  let trusted = true;
  const remaining = input.serverExpiresAt === null ? NaN : input.serverExpiresAt - (now + input.offsetMs);
  if (Number.isFinite(remaining) && remaining > 0 && remaining <= timing.qrMaxTtlMs) {
    expiresAt = now + remaining;
  } else if (input.sameStreak > 0 && input.current) {
    expiresAt = input.current.expiresAt;
    trusted = input.current.trusted;
  } else {
    // A code the server just handed out cannot already be dead: our clock or its unit is wrong.
    expiresAt = now + timing.qrFallbackTtlMs;
    trusted = false;
  }
  // An expiry in whole seconds (the docs' example unit) is floored: the code dies within the next second.
  const resolution =
    trusted && input.serverExpiresAt !== null && input.serverExpiresAt % 1000 === 0 ? 1000 : 0;
  const hideAt = Math.max(now, (trusted ? expiresAt - u : expiresAt) - timing.qrHideLeadMs);
  const wanted = trusted ? expiresAt + resolution + u + timing.qrRefreshMarginMs : expiresAt;
  // The server has not rotated yet: retry soon, then slower, so a stuck server is not hammered.
  const floor =
    input.sameStreak > 0
      ? Math.min(timing.qrFallbackTtlMs, timing.qrSameValueRetryMs * 2 ** (input.sameStreak - 1))
      : timing.minDelayMs;
  const refreshAt = now + Math.min(timing.maxDelayMs, Math.max(floor, wanted - now));
  return { expiresAt, hideAt, refreshAt, trusted };
}
