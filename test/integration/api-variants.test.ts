/**
 * The engine against the simulator's API variants (real HTTP, time-scaled): a session deleted
 * upstream, an account over its plan, a rate-limited account, a server that reads `format` from the
 * query only, and a server that starts a new cycle by itself when the codes run out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginEvent } from '../../common/model';
import { describeProblem } from '../../common/problems';
import { harness, SCALE, type Harness } from './engine-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const errors = (events: LoginEvent[]) =>
  events.filter((e): e is Extract<LoginEvent, { type: 'error' }> => e.type === 'error');

describe('login engine and the API variants', () => {
  it('a session deleted upstream (404 invalid_session) asks for a new code, and restart() gives one', async () => {
    h = await harness({ status: 'WORKING' });
    h.session.start();
    await h.next('connected');
    h.sim.dropSession(h.instanceId);
    const error = await h.next('error', 10_000);
    expect(error).toMatchObject({ code: 'session_gone', fatal: true, host: new URL(h.sim.baseUrl).host });
    expect(describeProblem(error).action).toBe('new_code');
    const mark = h.events.length;
    await h.session.restart();
    const qr = await h.next('qr', 10_000, mark);
    expect(qr.value).toBe(h.sim.snapshot(h.instanceId)!.qr!.value);
  });

  it('an account over its plan (403) stops with "check the plan", not "re-enter the token"', async () => {
    h = await harness();
    h.sim.exceedQuota('tok-engine');
    h.session.start();
    const error = await h.next('error');
    expect(error).toMatchObject({ code: 'quota_exceeded', fatal: true });
    expect(describeProblem(error).action).toBe('check_plan');
    expect(error.message).not.toMatch(/403|token/i);
    expect(error.detail).toMatch(/^HTTP 403: /);
  });

  it('a rate-limited account sees only a few 429s per login, then a slower pace', async () => {
    // 20 reads of session/info per simulated minute: our 2 s pace would make 30.
    h = await harness({ sim: { rateLimit: { max: 20, windowMs: 60_000, retryAfterS: 1 } } });
    h.session.start();
    await h.next('qr');
    await new Promise((resolve) => setTimeout(resolve, 150_000 * SCALE));
    const limited = errors(h.events).filter((e) => e.code === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeLessThanOrEqual(3);
    expect(errors(h.events).every((e) => !e.fatal)).toBe(true);
  });

  it('a server that reads format only from the query still gives codes', async () => {
    h = await harness({ sim: { qrFormatFromQuery: true } });
    h.session.start();
    const qr = await h.next('qr');
    expect(qr.value).toBe(h.sim.snapshot(h.instanceId)!.qr!.value);
  });

  it('a server that starts a new cycle by itself: exhausted (renewing), then code 1 again, no restart call', async () => {
    h = await harness({ sim: { qrExhaustion: 'restart' } });
    h.session.start();
    const exhausted = await h.next('exhausted', 20_000);
    expect(exhausted.renewing).toBe(true);
    const qr = await h.next('qr', 10_000, h.events.indexOf(exhausted));
    expect(qr.index).toBe(1);
    expect(h.sim.requestCount('session/restart')).toBe(0);
  });
});
