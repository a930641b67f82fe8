/**
 * One request of the login loop and what its reply teaches: the round trip, the server clock, and
 * the reaction to the result. Kept apart from session.ts, which owns the loop and its timers.
 */
import type { Me } from '../../common/model';
import type { Outcome, QrCode, SessionInfo, WawpClient } from '../wawp/types';
import type { SkewTracker } from './clock-skew';
import type { LoopState } from './loop-state';
import type { Reactions } from './reactions';
import type { Gate } from './request-gate';
import { pollDelay, type LoginTiming } from './schedule';
import type { Clock } from './types';

export interface PerformContext {
  client: WawpClient;
  clock: Clock;
  gate: Gate;
  skew: SkewTracker;
  timing: LoginTiming;
  random: () => number;
  state: () => LoopState;
  reactions: Reactions;
}

export type RequestKind = 'start' | 'me' | 'qr' | 'status';

/** Binds one session's request step: performs a request, returns false when the loop must halt. */
export function createPerform(ctx: PerformContext) {
  const { client, clock, gate, skew, timing: t, random, state } = ctx;
  const { onError, onQr, onStatus, announceConnected, replan } = ctx.reactions;
  return async (kind: RequestKind, signal: AbortSignal): Promise<boolean> => {
    const s = state();
    const epoch = s.epoch;
    const sentAt = clock.now();
    if (kind === 'start') {
      s.startDue = false;
      s.lastStartAt = sentAt;
    }
    if (kind === 'me') s.meDue = false;
    const outcome = await gate<unknown>((sig): Promise<Outcome<unknown>> => {
      if (kind === 'start') return client.start({ signal: sig });
      if (kind === 'me') return client.me({ signal: sig });
      if (kind === 'qr') return client.getQr({ signal: sig });
      return client.sessionInfo({ signal: sig });
    }, signal);
    if (signal.aborted || epoch !== s.epoch) return true;
    const now = clock.now();
    if (!outcome.ok) return onError(outcome.error, kind, now, sentAt);
    s.failures = 0;
    const rtt = now - sentAt;
    // A slowly forgetting minimum: one fast reply is the network's real speed, load only adds.
    s.rttMs = s.rttMs > 0 ? Math.min(s.rttMs * 1.02 + 0.1, rtt) : rtt;
    skew.add(outcome.serverDate, sentAt, now);
    if (kind === 'qr') {
      s.mismatchStreak = 0;
      onQr(outcome.data as QrCode, now, sentAt);
    } else if (kind === 'me') {
      const me = outcome.data as Me | null;
      if (me) announceConnected(me);
      else s.statusDueAt = now + pollDelay('active', t, random);
    } else {
      onStatus(outcome.data as SessionInfo, sentAt, now);
    }
    replan(now);
    return true;
  };
}
