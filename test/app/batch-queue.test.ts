/** The batch queue's rules on a fake clock, over scripted ports (the real sessions are covered by the UI tests). */
import { describe, expect, it } from 'vitest';
import type { BatchView } from '../../common/batch';
import type { LoginEvent } from '../../common/model';
import { createBatchQueue, type BatchPorts, type BatchStep } from '../../main/app/handlers/batch-queue';
import { createFakeClock, flush } from '../../main/login/testing/fake-clock';

const ANN = { id: '201012345678@c.us', pushName: 'Ann' };
const connected = (phoneMatches: boolean | null): LoginEvent => ({
  type: 'connected',
  me: ANN,
  expectedPhone: phoneMatches === null ? null : '201012345678',
  phoneMatches,
});
const qr = (value: string): LoginEvent => ({ type: 'qr', value, expiresAt: 1, index: 1, expectedCount: 6 });

function world(steps: Record<string, BatchStep> = {}) {
  const clock = createFakeClock();
  const active = new Set<string>();
  const calls: string[] = [];
  const views: BatchView[] = [];
  let mostActive = 0;
  const started = (id: string, how: string): Promise<BatchStep> => {
    calls.push(`${how}:${id}`);
    const step = steps[id] ?? { ok: true };
    if (step.ok) active.add(id);
    mostActive = Math.max(mostActive, active.size);
    return Promise.resolve(step);
  };
  const ports: BatchPorts = {
    begin: (id) => started(id, 'begin'),
    renew: (id) => started(id, 'renew'),
    end: (id) => void active.delete(id),
    logout: (id) => Promise.resolve(void calls.push(`logout:${id}`)).then(() => ({ ok: true }) as const),
    publish: (view) => void views.push(view),
    now: () => clock.now(),
    setTimer(ms, fn) {
      const stop = new AbortController();
      clock.sleep(ms, stop.signal).then(fn, () => undefined);
      return () => stop.abort();
    },
  };
  const entries = ['AAAAAAAAAAAA', 'BBBBBBBBBBBB', 'CCCCCCCCCCCC'].map((id, i) => ({
    id,
    label: `Phone ${i + 1}`,
    expectedPhone: '201012345678',
  }));
  return { clock, active, calls, views, ports, entries, mostActive: () => mostActive };
}

const [A, B, C] = ['AAAAAAAAAAAA', 'BBBBBBBBBBBB', 'CCCCCCCCCCCC'] as const;

describe('batch queue', () => {
  it('runs one session at a time and moves on by itself a few seconds after "Linked as …"', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports, { confirmMs: 3_000 });
    await flush();
    expect([...w.active]).toEqual([A]);
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 0, counts: { waiting: 3 } });
    queue.onLoginEvent(A, qr('code-a'));
    expect(queue.view().qr?.value).toBe('code-a');
    queue.onLoginEvent(B, qr('not-mine'));
    expect(queue.view().qr?.value).toBe('code-a');
    queue.onLoginEvent(A, connected(true));
    expect(queue.view()).toMatchObject({ phase: 'confirming', qr: null, counts: { linked: 1, waiting: 2 } });
    expect(queue.view().items[0]).toMatchObject({ outcome: 'linked', me: ANN });
    expect(w.active.size).toBe(0);
    await w.clock.advance(2_900);
    expect(w.calls).toEqual([`begin:${A}`]);
    await w.clock.advance(200);
    expect(w.calls).toEqual([`begin:${A}`, `begin:${B}`]);
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 1 });
    expect(w.mostActive()).toBe(1);
  });

  it('an instance that was linked already counts as linked and the queue goes straight on', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports);
    await flush();
    queue.onLoginEvent(A, connected(true));
    await flush();
    expect(queue.view().items[0]).toMatchObject({ outcome: 'linked', me: ANN });
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 1 });
  });

  it('Skip, a refused token and a start that cannot happen each end up in the summary, with why', async () => {
    const w = world({ [C]: { ok: false, problem: { code: 'no_token' } } });
    const queue = createBatchQueue(w.entries, w.ports);
    await flush();
    expect(queue.command('skip')).toBe(true);
    await flush();
    queue.onLoginEvent(B, { type: 'error', code: 'unauthorized', message: 'x', fatal: true });
    await flush();
    const end = queue.view();
    expect(end.phase).toBe('done');
    expect(end.counts).toEqual({ total: 3, linked: 0, skipped: 1, failed: 2, waiting: 0 });
    expect(end.items.map((item) => item.outcome)).toEqual(['skipped', 'failed', 'failed']);
    expect(end.items[1]!.problem?.title).toBe('The access token was refused');
    expect(end.items[1]!.problem?.sentence).toContain(`instance ${B}`);
    expect(end.items[2]!.problem?.title).toBe('No access token is saved');
    expect(w.active.size).toBe(0);
    expect(w.mostActive()).toBe(1);
  });

  it('server trouble is shown while the engine retries, and fails the instance after a few in a row', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports, { maxRetries: 3 });
    await flush();
    const trouble: LoginEvent = {
      type: 'error',
      code: 'upstream_error',
      message: 'x',
      fatal: false,
      retryInMs: 500,
    };
    queue.onLoginEvent(A, trouble);
    queue.onLoginEvent(A, trouble);
    expect(queue.view().retrying?.title).toBe("WhatsApp's side of Wawp is down");
    queue.onLoginEvent(A, qr('code-a')); // progress in between: the count starts over
    expect(queue.view().retrying).toBeNull();
    queue.onLoginEvent(A, trouble);
    queue.onLoginEvent(A, trouble);
    expect(queue.view().items[0]!.outcome).toBe('current');
    queue.onLoginEvent(A, trouble);
    await flush();
    expect(queue.view().items[0]).toMatchObject({
      outcome: 'failed',
      problem: { title: "WhatsApp's side of Wawp is down" },
    });
    expect(queue.view().currentIndex).toBe(1);
  });

  it('Pause stops all polling; Resume starts the same instance again; a pause on "Linked" holds the queue', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports, { confirmMs: 1_000 });
    await flush();
    expect(queue.command('pause')).toBe(true);
    expect(queue.view()).toMatchObject({ phase: 'paused', pausedBecause: 'user' });
    expect(w.active.size).toBe(0);
    expect(queue.command('next')).toBe(false);
    expect(queue.command('resume')).toBe(true);
    await flush();
    expect(w.calls).toEqual([`begin:${A}`, `begin:${A}`]);
    queue.onLoginEvent(A, qr('code-a'));
    queue.onLoginEvent(A, connected(null));
    queue.command('pause');
    await w.clock.advance(5_000);
    expect(queue.view()).toMatchObject({ phase: 'paused', currentIndex: 0 });
    queue.command('resume');
    await flush();
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 1 });
  });

  it('a wrong number stops the queue for the choice: keep it, or log it out and scan again', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports, { confirmMs: 1_000 });
    await flush();
    queue.onLoginEvent(A, connected(false));
    expect(queue.view()).toMatchObject({ phase: 'wrong-number', expectedPhone: '201012345678' });
    expect(queue.command('skip')).toBe(false);
    expect(queue.command('pause')).toBe(false);
    await w.clock.advance(10_000);
    expect(queue.view().phase).toBe('wrong-number');
    expect(w.active.size).toBe(0);
    expect(queue.command('logout-wrong-number')).toBe(true);
    await flush();
    expect(w.calls).toEqual([`begin:${A}`, `logout:${A}`, `begin:${A}`]);
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 0 });
    queue.onLoginEvent(A, connected(false));
    expect(queue.command('keep-wrong-number')).toBe(true);
    await flush();
    expect(queue.view().items[0]).toMatchObject({ outcome: 'linked', wrongNumber: true });
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 1 });
  });

  it('codes that ran out unscanned pause the queue; a session found FAILED gets one fresh cycle by itself', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports);
    await flush();
    queue.onLoginEvent(A, qr('code-a'));
    queue.onLoginEvent(A, { type: 'exhausted', renewing: true }); // the server renews by itself
    expect(queue.view()).toMatchObject({ phase: 'linking', qr: null });
    expect(w.calls).toEqual([`begin:${A}`]);
    queue.command('pause');
    queue.command('resume');
    await flush();
    queue.onLoginEvent(A, { type: 'exhausted' });
    await flush();
    expect(w.calls).toEqual([`begin:${A}`, `begin:${A}`, `renew:${A}`]);
    queue.onLoginEvent(A, { type: 'exhausted' });
    expect(queue.view()).toMatchObject({ phase: 'paused', pausedBecause: 'codes-ran-out' });
    queue.command('resume');
    await flush();
    queue.onLoginEvent(A, qr('code-a'));
    queue.onLoginEvent(A, { type: 'exhausted' });
    expect(queue.view()).toMatchObject({ phase: 'paused', pausedBecause: 'codes-ran-out' });
    expect(w.calls).toEqual([`begin:${A}`, `begin:${A}`, `renew:${A}`, `renew:${A}`]);
  });

  it('a session stopped from elsewhere pauses the queue; its own stops do not', async () => {
    const w = world();
    let queue: ReturnType<typeof createBatchQueue> | null = null;
    const begin = w.ports.begin.bind(w.ports);
    w.ports.begin = (id) => {
      queue?.onLoginEvent(id, { type: 'stopped' }); // the port closes an older session first
      return begin(id);
    };
    w.ports.end = (id) => {
      w.active.delete(id);
      queue?.onLoginEvent(id, { type: 'stopped' });
    };
    queue = createBatchQueue(w.entries, w.ports);
    await flush();
    queue.command('skip');
    await flush();
    expect(queue.view()).toMatchObject({ phase: 'linking', currentIndex: 1 });
    queue.command('pause');
    queue.command('resume');
    await flush();
    expect(queue.view().phase).toBe('linking');
    queue.onLoginEvent(B, { type: 'stopped' });
    expect(queue.view()).toMatchObject({ phase: 'paused', pausedBecause: 'user', currentIndex: 1 });
  });

  it('Continue moves on at once; Stop ends with a summary that keeps the rest waiting; nothing runs after', async () => {
    const w = world();
    const queue = createBatchQueue(w.entries, w.ports);
    await flush();
    queue.onLoginEvent(A, qr('code-a'));
    queue.onLoginEvent(A, connected(true));
    expect(queue.command('next')).toBe(true);
    await flush();
    expect(queue.view().currentIndex).toBe(1);
    expect(queue.command('close')).toBe(false);
    expect(queue.command('stop')).toBe(true);
    const end = queue.view();
    expect(end).toMatchObject({ phase: 'done', currentIndex: -1 });
    expect(end.counts).toEqual({ total: 3, linked: 1, skipped: 0, failed: 0, waiting: 2 });
    expect(w.active.size).toBe(0);
    queue.onLoginEvent(B, connected(true));
    expect(queue.view().counts.linked).toBe(1);
    expect(queue.command('close')).toBe(true);
    queue.dispose();
    expect(w.clock.pending()).toBe(0);
  });

  it('publishes every change, and the result of a start that was skipped meanwhile is ignored', async () => {
    const w = world();
    let release: (step: BatchStep) => void = () => undefined;
    w.ports.begin = (id) => {
      w.calls.push(`begin:${id}`);
      return id === A ? new Promise((resolve) => (release = resolve)) : Promise.resolve({ ok: true });
    };
    const queue = createBatchQueue(w.entries, w.ports);
    queue.command('skip');
    release({ ok: false, problem: { code: 'unauthorized' } });
    await flush();
    expect(queue.view().items[0]).toMatchObject({ outcome: 'skipped', problem: null });
    expect(queue.view().items[1]).toMatchObject({ outcome: 'current', problem: null });
    expect(w.views.length).toBeGreaterThanOrEqual(2);
    expect(w.views.at(-1)).toEqual(queue.view());
  });
});
