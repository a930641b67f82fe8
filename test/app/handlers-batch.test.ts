/** The batch channels over the real handlers, engine and simulator (the queue's own rules: batch-queue.test.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchView } from '../../common/batch';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

let fx: HandlerFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

async function seeded(f: HandlerFixture, label: string, token = `tok-${crypto.randomUUID()}`) {
  const id = f.sim.addInstance(token);
  const saved = await f.app.channels['instances:save']({
    id,
    label,
    baseUrl: f.sim.baseUrl,
    expectedPhone: null,
    token,
  });
  expect(saved.ok).toBe(true);
  return id;
}

const done = (view: BatchView | null): boolean => view?.phase === 'done';

describe('batch channels', () => {
  it('say so when there is nothing to link or no batch to control', async () => {
    fx = await handlerFixture();
    expect(await fx.app.channels['batch:start']('needs-linking')).toMatchObject({
      ok: false,
      code: 'nothing_to_link',
    });
    expect(await fx.app.channels['batch:control']('skip')).toMatchObject({ ok: false, code: 'no_batch' });
    expect(await fx.app.channels['batch:get']()).toBeNull();
  });

  it('fail an instance after server trouble that outlasts a few retries, with why, and go on', async () => {
    fx = await handlerFixture();
    const down = await seeded(fx, 'Down');
    const next = await seeded(fx, 'Next');
    fx.sim.injectFault({ endpoint: '*', status: 502, times: Infinity });
    const started = await fx.app.channels['batch:start']([down, next]);
    expect(started).toMatchObject({ ok: true, value: { phase: 'linking', currentIndex: 0 } });
    const retrying = await fx.waitForPush('batch:changed', (v) => Boolean(v?.retrying));
    expect(retrying?.retrying?.title).toBe("WhatsApp's side of Wawp is down");
    const moved = await fx.waitForPush('batch:changed', (v) => v?.currentIndex === 1);
    expect(moved?.items[0]).toMatchObject({
      outcome: 'failed',
      problem: { title: "WhatsApp's side of Wawp is down" },
    });
    expect(fx.app.manager.isActive(down)).toBe(false);
    expect(await fx.app.channels['batch:control']('stop')).toMatchObject({
      ok: true,
      value: { phase: 'done' },
    });
    const end = await fx.waitForPush('batch:changed', done);
    expect(end?.counts).toEqual({ total: 2, linked: 0, skipped: 0, failed: 1, waiting: 1 });
    expect(fx.app.manager.isActive(next)).toBe(false);
    expect(await fx.app.channels['batch:control']('close')).toEqual({ ok: true, value: null });
    expect(fx.pushes.at(-1)).toEqual({ channel: 'batch:changed', payload: null });
  });

  it('"needs linking" takes every instance with a token that is not linked, in list order', async () => {
    fx = await handlerFixture();
    const a = await seeded(fx, 'A');
    const b = await seeded(fx, 'B');
    const started = await fx.app.channels['batch:start']('needs-linking');
    expect(started.ok && started.value.items.map((item) => [item.id, item.label])).toEqual([
      [a, 'A'],
      [b, 'B'],
    ]);
    expect(fx.app.manager.isActive(b)).toBe(false);
  });
});
