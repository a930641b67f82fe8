/**
 * Estimates the server-minus-local clock offset from `Date` headers.
 *
 * A `Date` header has 1 s resolution, so one reply only says: the server's clock read
 * [date, date + 1000) at some local moment between sending the request and receiving the reply.
 * That bounds the offset to an interval; intersecting the intervals of recent replies narrows it
 * to about one round trip once replies land at different phases of the server's second (the poll
 * jitter ensures they do). If the intervals stop overlapping (a clock was changed), older samples
 * are dropped, so the estimate follows the newest truth instead of averaging two clocks.
 */

/** One reply's constraint on the offset (server ms − local ms). */
export interface SkewSample {
  lo: number;
  hi: number;
}

/** The current estimate: `offsetMs` to add to local time to get server time, ± `uncertaintyMs`. */
export interface SkewEstimate {
  offsetMs: number;
  uncertaintyMs: number;
  samples: number;
  /** Hard bounds of the offset (server ms − local ms); ±Infinity when a side is still unknown. */
  lo: number;
  hi: number;
}

/** Builds the offset interval for one reply (`serverDate` as parsed from the header, epoch ms). */
export function skewSample(serverDate: number, sentAt: number, receivedAt: number): SkewSample {
  const resolution = serverDate % 1000 === 0 ? 1000 : 1;
  return {
    lo: serverDate - Math.max(sentAt, receivedAt),
    hi: serverDate + resolution - Math.min(sentAt, receivedAt),
  };
}

/** Intersects samples newest-first, stopping before the intersection would be empty. */
export function estimateSkew(samples: readonly SkewSample[]): SkewEstimate {
  if (samples.length === 0) return { offsetMs: 0, uncertaintyMs: 0, samples: 0, lo: -Infinity, hi: Infinity };
  let lo = -Infinity;
  let hi = Infinity;
  let used = 0;
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i]!;
    const nlo = Math.max(lo, s.lo);
    const nhi = Math.min(hi, s.hi);
    if (nlo > nhi) break;
    lo = nlo;
    hi = nhi;
    used++;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    // One-sided knowledge only (no Date header yet): no midpoint to speak of.
    const edge = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0;
    return { offsetMs: edge, uncertaintyMs: 0, samples: used, lo, hi };
  }
  return {
    offsetMs: Math.round((lo + hi) / 2),
    uncertaintyMs: Math.ceil((hi - lo) / 2),
    samples: used,
    lo,
    hi,
  };
}

/** The running estimate of one session's server clock. */
export interface SkewTracker {
  add(serverDate: number | null, sentAt: number, receivedAt: number): void;
  /**
   * A one-sided fact from the QR codes: e.g. a reply received at `r` brought the successor of a code
   * that dies at server time `x`, so the server's clock had passed `x` by `r`: offset ≥ x − r.
   */
  bound(lo: number, hi: number): void;
  estimate(): SkewEstimate;
  toServer(localMs: number): number;
  toLocal(serverMs: number): number;
}

/** Keeps the last `size` samples and answers the current estimate. */
export function createSkewTracker(size = 128): SkewTracker {
  const samples: SkewSample[] = [];
  let cached: SkewEstimate = estimateSkew(samples);
  const push = (sample: SkewSample): void => {
    samples.push(sample);
    if (samples.length > size) samples.shift();
    cached = estimateSkew(samples);
  };
  return {
    add(serverDate, sentAt, receivedAt) {
      if (serverDate === null || !Number.isFinite(serverDate)) return;
      push(skewSample(serverDate, sentAt, receivedAt));
    },
    bound(lo, hi) {
      if (lo <= hi && (Number.isFinite(lo) || Number.isFinite(hi))) push({ lo, hi });
    },
    estimate: () => cached,
    toServer: (localMs) => localMs + cached.offsetMs,
    toLocal: (serverMs) => serverMs - cached.offsetMs,
  };
}
