/**
 * How the login loop reacts to a failed request: read the status again (422, a lost session),
 * halt on what the user must fix, or back off (slower for good after a 429). No I/O.
 */
import type { WawpError } from '../../common/model';
import { backoffDelay, classifyError } from './backoff';
import { errorEvent } from './error-event';
import type { ReactionContext } from './reactions';
import { pollDelay } from './schedule';

/** The error reaction of one session; returns false when the loop must halt (fatal error). */
export function createErrorReaction({ state, emit, timing: t, random, log, policy }: ReactionContext) {
  return (error: WawpError, kind: string, now: number, sentAt = now): boolean => {
    const s = state();
    let action = classifyError(error);
    // A lost session seen by a QR call: read the status once more before telling the user.
    if (error.code === 'session_gone' && kind !== 'status' && s.mismatchStreak < 2) action = 'reread';
    if (action === 'reread') {
      s.mismatchStreak += 1;
      if (kind === 'qr' && s.probing && error.currentStatus === 'STARTING') {
        s.noCodeSentAt = sentAt;
        s.qrDueAt = now + pollDelay('active', t, random);
        return true;
      }
      if (s.mismatchStreak <= 2) {
        s.qrDueAt = Infinity;
        s.statusDueAt = now;
        return true;
      }
      action = 'retry';
    }
    if (action === 'fatal') {
      emit(errorEvent(error, true));
      return false;
    }
    if (error.code === 'rate_limited' && t.activePollMs < t.rateLimitedPollMs) {
      // The session's timing is its own copy: slow it down for good, not only for the Retry-After.
      t.activePollMs = t.rateLimitedPollMs;
      t.settlingPollMs = Math.max(t.settlingPollMs, t.rateLimitedPollMs / 2);
      log('rate limited; polling slower for the rest of the session', { activePollMs: t.activePollMs });
    }
    s.failures += 1;
    const delay = backoffDelay(s.failures, error, random, policy);
    s.blockedUntil = now + delay;
    log('request failed; backing off', { kind, code: error.code, httpStatus: error.httpStatus, delay });
    emit(errorEvent(error, false, delay));
    return true;
  };
}
