import { afterEach, describe, expect, it } from 'vitest';
import type { SessionStatus, WawpError } from '../../common/model';
import { HealthScheduler, type HealthOutcome, type HealthTransition } from '../../main/app/desktop/health';
import { FakeClock, settle } from './fake-clock';

const A = '3EB0BCB2E3D4';
const B = 'AAAABBBBCCCC';
const C = '000011112222';
const MIN = 60_000;

interface Harness {
  clock: FakeClock;
  scheduler: HealthScheduler;
  /** Fake-clock times (ms since start) of each instance's checks. */
  checks: Record<string, number[]>;
  transitions: HealthTransition[];
  /** What the next checks of an instance answer (the last one repeats). */
  answers: Record<string, HealthOutcome[]>;
  ids: string[];
}

const working: HealthOutcome = { ok: true, status: 'WORKING' };
const status = (s: SessionStatus): HealthOutcome => ({ ok: true, status: s });
const failure = (error: Partial<WawpError>): HealthOutcome => ({
  ok: false,
  error: { code: 'network', message: 'fetch failed', ...error },
});

let current: Harness | null = null;
afterEach(() => current?.scheduler.stop());

function harness(ids: string[], random = () => 0.5): Harness {
  const clock = new FakeClock();
  const start = clock.now();
  const h: Harness = { clock, checks: {}, transitions: [], answers: {}, ids, scheduler: null as never };
  h.scheduler = new HealthScheduler({
    ids: () => h.ids,
    clock,
    random,
    onTransition: (transition) => h.transitions.push(transition),
    check: (id) => {
      (h.checks[id] ??= []).push(clock.now() - start);
      const queue = h.answers[id] ?? [working];
      return Promise.resolve(queue.length > 1 ? queue.shift()! : queue[0]!);
    },
  });
  current = h;
  return h;
}

describe('HealthScheduler', () => {
  it('checks every instance right away, staggered, then about once a minute', async () => {
    const h = harness([A, B, C]);
    h.scheduler.start();
    await h.clock.advance(3 * MIN + 5_000);
    expect(h.checks[A]).toEqual([0, MIN, 2 * MIN, 3 * MIN]);
    expect(h.checks[B]).toEqual([1_500, MIN + 1_500, 2 * MIN + 1_500, 3 * MIN + 1_500]);
    expect(h.checks[C]![0]).toBe(3_000);
  });

  it('jitters the interval by ±10 % so instances do not march in step', async () => {
    const h = harness([A], () => 1);
    h.scheduler.start();
    await h.clock.advance(2 * MIN + 30_000);
    expect(h.checks[A]).toEqual([0, 66_000, 132_000]);
  });

  it('reports transitions only when the state changes', async () => {
    const h = harness([A]);
    h.answers[A] = [working, working, status('SCAN_QR_CODE'), status('SCAN_QR_CODE'), working];
    h.scheduler.start();
    await h.clock.advance(5 * MIN);
    expect(h.transitions.map((t) => [t.from?.kind === 'status' ? t.from.status : t.from, t.to])).toEqual([
      [null, { kind: 'status', status: 'WORKING' }],
      ['WORKING', { kind: 'status', status: 'SCAN_QR_CODE' }],
      ['SCAN_QR_CODE', { kind: 'status', status: 'WORKING' }],
    ]);
  });

  it('confirms a drop from WORKING by reading again ~17 s later: a flap raises nothing (WAHA#2073)', async () => {
    const h = harness([A]);
    h.answers[A] = [working, status('STARTING'), working, working];
    h.scheduler.start();
    await h.clock.advance(3 * MIN);
    expect(h.checks[A]!.slice(0, 3)).toEqual([0, MIN, MIN + 17_000]);
    expect(h.transitions).toHaveLength(1);
    expect(h.scheduler.states().get(A)).toEqual({ kind: 'status', status: 'WORKING' });
  });

  it('reports a drop that the second read confirms, at the second read', async () => {
    const h = harness([A]);
    h.answers[A] = [working, status('STOPPED'), status('STOPPED')];
    h.scheduler.start();
    await h.clock.advance(MIN + 10_000);
    expect(h.transitions).toHaveLength(1);
    await h.clock.advance(10_000);
    expect(h.transitions.at(-1)).toMatchObject({
      from: { kind: 'status', status: 'WORKING' },
      to: { kind: 'status', status: 'STOPPED' },
    });
    expect(h.checks[A]).toEqual([0, MIN, MIN + 17_000]);
  });

  it('backs off exponentially on errors, capped, and returns to the minute after a success', async () => {
    const h = harness([A], () => 1);
    h.answers[A] = [...Array<HealthOutcome>(6).fill(failure({ code: 'server_error' })), working];
    h.scheduler.start();
    await h.clock.advance(60 * MIN);
    const gaps = h.checks[A]!.slice(1).map((t, i) => t - h.checks[A]![i]!);
    expect(gaps.slice(0, 7)).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN, 15 * MIN, 15 * MIN, 66_000]);
    expect(h.transitions).toHaveLength(2); // error once, then WORKING
  });

  it('treats a plan limit, a lost session and a non-Wawp server like a refused token: reported, then checked rarely', async () => {
    const h = harness([A, B, C]);
    h.answers[A] = [failure({ code: 'quota_exceeded', httpStatus: 403 })];
    h.answers[B] = [failure({ code: 'session_gone', httpStatus: 404, serverCode: 'invalid_session' })];
    h.answers[C] = [failure({ code: 'not_wawp', httpStatus: 501 })];
    h.scheduler.start();
    await h.clock.advance(14 * MIN);
    expect([h.checks[A], h.checks[B], h.checks[C]]).toEqual([[0], [1_500], [3_000]]);
    expect(h.transitions.map((t) => (t.to.kind === 'error' ? t.to.error.code : t.to.status))).toEqual([
      'quota_exceeded',
      'session_gone',
      'not_wawp',
    ]);
  });

  it('honours Retry-After and waits for the user after a refused token', async () => {
    const h = harness([A, B]);
    h.answers[A] = [failure({ code: 'rate_limited', retryAfterMs: 5 * MIN }), working];
    h.answers[B] = [failure({ code: 'unauthorized', httpStatus: 401 })];
    h.scheduler.start();
    await h.clock.advance(14 * MIN);
    expect(h.checks[A]!.slice(0, 2)).toEqual([0, 5 * MIN]);
    expect(h.checks[B]).toEqual([1_500]);
    h.scheduler.checkNow(B);
    await h.clock.advance(1);
    expect(h.checks[B]).toEqual([1_500, 14 * MIN]);
  });

  it('pauses on suspend and checks everything right after resume', async () => {
    const h = harness([A, B]);
    h.scheduler.start();
    await h.clock.advance(10_000);
    h.scheduler.pause('suspend');
    await h.clock.advance(30 * MIN);
    expect(h.checks[A]).toEqual([0]);
    h.scheduler.resume('suspend');
    await h.clock.advance(2_000);
    expect(h.checks[A]).toEqual([0, 30 * MIN + 10_000]);
    expect(h.checks[B]).toEqual([1_500, 30 * MIN + 11_500]);
  });

  it('stays paused until both the lock and the suspend are over', async () => {
    const h = harness([A]);
    h.scheduler.start();
    await h.clock.advance(1);
    h.scheduler.pause('lock');
    h.scheduler.pause('suspend');
    await h.clock.advance(5 * MIN);
    h.scheduler.resume('suspend');
    await h.clock.advance(5 * MIN);
    expect(h.checks[A]).toEqual([0]);
    h.scheduler.resume('lock');
    await h.clock.advance(0);
    expect(h.checks[A]).toEqual([0, 10 * MIN + 1]);
  });

  it('drops the answer of a check that was in flight when the machine slept', async () => {
    const clock = new FakeClock();
    const transitions: HealthTransition[] = [];
    let release: (outcome: HealthOutcome) => void = () => undefined;
    const scheduler = new HealthScheduler({
      ids: () => [A],
      clock,
      onTransition: (t) => transitions.push(t),
      check: () => new Promise((resolve) => (release = resolve)),
    });
    scheduler.start();
    await settle();
    scheduler.pause('suspend');
    release(status('FAILED'));
    await settle();
    expect(transitions).toEqual([]);
    scheduler.stop();
  });

  it('picks up added instances and forgets removed ones', async () => {
    const h = harness([A]);
    h.scheduler.start();
    await h.clock.advance(1_000);
    h.ids = [B];
    h.scheduler.refresh();
    await h.clock.advance(2 * MIN - 1);
    expect(h.checks[A]).toEqual([0]);
    expect(h.checks[B]).toEqual([1_000, MIN + 1_000]);
    expect([...h.scheduler.states().keys()]).toEqual([B]);
  });

  it('skips an instance whose login session already watches it', async () => {
    const clock = new FakeClock();
    const checked: string[] = [];
    const watched = new Set([A]);
    const scheduler = new HealthScheduler({
      ids: () => [A, B],
      clock,
      random: () => 0.5,
      skip: (id) => watched.has(id),
      onTransition: () => undefined,
      check: (id) => {
        checked.push(id);
        return Promise.resolve(working);
      },
    });
    scheduler.start();
    await clock.advance(MIN / 2);
    watched.clear();
    await clock.advance(MIN);
    scheduler.stop();
    expect(checked).toEqual([B, A, B]);
  });

  it('leaves no timer behind after stop', async () => {
    const h = harness([A, B]);
    h.scheduler.start();
    await h.clock.advance(5_000);
    expect(h.clock.pending()).toBe(1);
    h.scheduler.stop();
    await settle();
    expect(h.clock.pending()).toBe(0);
  });
});
