/**
 * Tokens only travel renderer → main: run real flows (good token, wrong token, failing keychain) through the
 * real handlers, engine and simulator, and scan every result and push for the tokens involved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceView } from '../../common/ipc';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

let fx: HandlerFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

const input = (id: string, baseUrl: string, token?: string) => ({
  id,
  label: 'Shop',
  baseUrl,
  expectedPhone: '+20 101 234 5678',
  ...(token === undefined ? {} : { token }),
});

function expectNoToken(values: unknown[], tokens: string[]): void {
  const text = JSON.stringify(values);
  for (const token of tokens) expect(text).not.toContain(token);
}

describe('tokens never cross towards the renderer', () => {
  it('a full login (QR, pairing code, scan, linked) returns and pushes no token', async () => {
    fx = await handlerFixture();
    const { app, sim } = fx;
    const token = `tok-${crypto.randomUUID()}`;
    const id = sim.addInstance(token);
    const results: unknown[] = [];
    const call = async <T>(p: Promise<T>): Promise<T> => {
      const value = await p;
      results.push(value);
      return value;
    };
    const saved = await call(app.channels['instances:save'](input(id, sim.baseUrl, token)));
    expect(saved).toMatchObject({ ok: true, value: { id, hasToken: true, tokenLocation: 'session-memory' } });
    expect(await call(app.channels['instances:test'](input(id, sim.baseUrl)))).toMatchObject({
      ok: true,
      value: { status: 'STOPPED' },
    });
    expect(await call(app.channels['login:start'](id))).toEqual({ ok: true, value: null });
    await fx.waitForPush('login:event', (p) => p.event.type === 'qr');
    const pairing = await call(app.channels['login:pairing-code'](id, '+20 101 234 5678'));
    expect(pairing.ok && pairing.value.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(sim.scan(id)).toEqual({ ok: true });
    const linked = await fx.waitForPush('login:event', (p) => p.event.type === 'connected');
    expect(linked.event).toMatchObject({ me: { id: '201012345678@c.us' }, phoneMatches: true });
    const list = await call(app.channels['instances:list']());
    expect(list).toMatchObject([{ id, status: 'WORKING', hasToken: true }]);
    results.push(await app.channels['instances:export'](), await app.channels['settings:get']());
    expectNoToken([results, fx.pushes], [token]);
  });

  it('a wrong token ends in a fatal unauthorized error, named without the token', async () => {
    fx = await handlerFixture();
    const { app, sim } = fx;
    const id = sim.addInstance(`tok-${crypto.randomUUID()}`);
    const wrong = `wrong-${crypto.randomUUID()}`;
    const results: unknown[] = [await app.channels['instances:save'](input(id, sim.baseUrl, wrong))];
    const tested = await app.channels['instances:test'](input(id, sim.baseUrl));
    expect(tested).toMatchObject({ ok: false, code: 'unauthorized' });
    results.push(tested, await app.channels['login:start'](id));
    const error = await fx.waitForPush('login:event', (p) => p.event.type === 'error');
    expect(error.event).toMatchObject({ type: 'error', code: 'unauthorized', fatal: true });
    expectNoToken([results, fx.pushes], [wrong]);
  });

  it('a keychain error that quotes the token is scrubbed before it reaches the renderer', async () => {
    class LeakyStore extends SessionMemoryStore {
      override set(_key: unknown, token: string): Promise<void> {
        return Promise.reject(new Error(`keychain refused secret ${token}`));
      }
    }
    fx = await handlerFixture(new LeakyStore());
    const token = `tok-${crypto.randomUUID()}`;
    const result = await fx.app.channels['instances:save'](input('ABCDEF123456', fx.sim.baseUrl, token));
    expect(result).toMatchObject({ ok: false, code: 'secret_store' });
    expectNoToken([result, fx.pushes], [token]);
  });

  it('the demo instance keeps its token in memory and shows only where it lives', async () => {
    fx = await handlerFixture();
    const demo = await fx.app.channels['demo:start']();
    expect(demo).toMatchObject({
      ok: true,
      value: { isDemo: true, hasToken: true, tokenLocation: 'session-memory' },
    });
    const view = (demo as { value: InstanceView }).value;
    expect(fx.settings.listInstances()).toEqual([]);
    expect(await fx.app.channels['login:start'](view.id)).toEqual({ ok: true, value: null });
    await fx.waitForPush('login:event', (p) => p.instanceId === view.id && p.event.type === 'qr');
    expect(await fx.app.channels['demo:scan'](view.id)).toEqual({ ok: true, value: null });
    await fx.waitForPush('login:event', (p) => p.event.type === 'connected');
    const token = await fx.app.registry.token(fx.app.registry.find(view.id)!);
    expect(token).toMatch(/^demo-/);
    expectNoToken([fx.pushes, await fx.app.channels['instances:list']()], [token!]);
  });
});
