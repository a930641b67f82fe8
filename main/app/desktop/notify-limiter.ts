/**
 * Pure rate limiting for "Link again" notifications: one per instance per incident (an incident starts when an
 * instance that was WORKING is seen needing login or failed, and ends only when it is WORKING again), plus a
 * global cap so a Wawp outage across many instances cannot flood the desktop.
 */
import type { SessionStatus } from '../../../common/model';

/** `armed`: last seen WORKING; `open`: an incident is running (already notified or suppressed). */
export type IncidentState = 'armed' | 'open';

export interface LimiterState {
  readonly instances: Readonly<Record<string, IncidentState>>;
  /** Times notifications were shown, newest last, pruned to the window. */
  readonly sent: readonly number[];
}

export interface LimiterPolicy {
  maxPerWindow: number;
  windowMs: number;
}

export const DEFAULT_LIMITER_POLICY: LimiterPolicy = { maxPerWindow: 3, windowMs: 10 * 60_000 };

export const EMPTY_LIMITER: LimiterState = { instances: {}, sent: [] };

/** notify: show one now; suppressed: an incident began but the global cap is reached; none: nothing new. */
export type NotifyDecision = 'notify' | 'suppressed' | 'none';

/** States that mean the user must act; STARTING and unknown strings are transitional and open no incident. */
const NEEDS_RELINK: ReadonlySet<SessionStatus> = new Set(['SCAN_QR_CODE', 'STOPPED', 'FAILED']);

/** Feeds one observed status; returns the next state and whether to show a notification. */
export function observeStatus(
  state: LimiterState,
  id: string,
  status: SessionStatus,
  now: number,
  policy: LimiterPolicy = DEFAULT_LIMITER_POLICY,
): { state: LimiterState; decision: NotifyDecision } {
  const current = state.instances[id];
  if (status === 'WORKING') {
    return current === 'armed'
      ? { state, decision: 'none' }
      : { state: { ...state, instances: { ...state.instances, [id]: 'armed' } }, decision: 'none' };
  }
  // Never seen WORKING in this run (or already in an incident): nothing left WORKING, nothing to say.
  if (current !== 'armed' || !NEEDS_RELINK.has(status)) return { state, decision: 'none' };
  const instances = { ...state.instances, [id]: 'open' as const };
  const recent = state.sent.filter((at) => now - at < policy.windowMs);
  if (recent.length >= policy.maxPerWindow) {
    return { state: { instances, sent: recent }, decision: 'suppressed' };
  }
  return { state: { instances, sent: [...recent, now] }, decision: 'notify' };
}

/** Drops an instance that was removed, so a re-added one starts fresh. */
export function forgetInstance(state: LimiterState, id: string): LimiterState {
  if (!(id in state.instances)) return state;
  const { [id]: _gone, ...instances } = state.instances;
  return { ...state, instances };
}
