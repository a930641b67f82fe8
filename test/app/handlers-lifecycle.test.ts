/** Sessions follow the instances: removed or disposed means stopped; edits and import/export round-trip. */
import { afterEach, describe, expect, it } from 'vitest';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

let fx: HandlerFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

async function seeded(f: HandlerFixture): Promise<{ id: string; token: string }> {
  const token = `tok-${crypto.randomUUID()}`;
  const id = f.sim.addInstance(token);
  const saved = await f.app.channels['instances:save']({
    id,
    label: 'Shop',
    baseUrl: f.sim.baseUrl,
    expectedPhone: null,
    token,
  });
  expect(saved.ok).toBe(true);
  return { id, token };
}

describe('login sessions and the instance list', () => {
  it('removing an instance stops its session and pushes the new list last', async () => {
    fx = await handlerFixture();
    const { id } = await seeded(fx);
    expect(await fx.app.channels['login:start'](id)).toEqual({ ok: true, value: null });
    await fx.waitForPush('login:event', (p) => p.event.type === 'qr');
    expect(fx.app.manager.isActive(id)).toBe(true);
    expect(await fx.app.channels['instances:remove'](id)).toEqual({ ok: true, value: null });
    expect(fx.app.manager.isActive(id)).toBe(false);
    expect(
      fx.pushes.some(
        (p) =>
          p.channel === 'login:event' && (p.payload as { event: { type: string } }).event.type === 'stopped',
      ),
    ).toBe(true);
    expect(fx.pushes.at(-1)).toEqual({ channel: 'instances:changed', payload: [] });
    expect(await fx.app.channels['login:start'](id)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('dispose stops every running session', async () => {
    fx = await handlerFixture();
    const a = await seeded(fx);
    const b = await seeded(fx);
    await fx.app.channels['login:start'](a.id);
    await fx.app.channels['login:start'](b.id);
    await fx.app.dispose();
    expect([fx.app.manager.isActive(a.id), fx.app.manager.isActive(b.id)]).toEqual([false, false]);
  });

  it('an instance without a token cannot start, and says what to do', async () => {
    fx = await handlerFixture();
    const imported = await fx.app.channels['instances:import'](
      JSON.stringify({
        instances: [{ id: 'ABCDEF123456', label: 'From file', baseUrl: 'https://api.wawp.net' }],
      }),
    );
    expect(imported).toEqual({ ok: true, value: { added: 1, updated: 0, rejected: 0 } });
    const list = await fx.app.channels['instances:list']();
    expect(list).toMatchObject([
      { id: 'ABCDEF123456', hasToken: false, tokenLocation: null, status: 'UNKNOWN' },
    ]);
    expect(await fx.app.channels['login:start']('ABCDEF123456')).toMatchObject({
      ok: false,
      code: 'no_token',
    });
  });

  it('exports without tokens and imports the export back; a token field in a file is rejected', async () => {
    fx = await handlerFixture();
    const { token } = await seeded(fx);
    const exported = await fx.app.channels['instances:export']();
    expect(exported.ok).toBe(true);
    const json = exported.ok ? exported.value : '';
    expect(json).not.toContain(token);
    expect(await fx.app.channels['instances:import'](json)).toEqual({
      ok: true,
      value: { added: 0, updated: 1, rejected: 0 },
    });
    const hostile = JSON.stringify([
      { id: 'ABCDEF654321', label: 'x', baseUrl: 'https://api.wawp.net', token },
    ]);
    const result = await fx.app.channels['instances:import'](hostile);
    expect(result).toEqual({ ok: true, value: { added: 0, updated: 0, rejected: 1 } });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(await fx.app.channels['instances:import']('not json')).toMatchObject({
      ok: false,
      code: 'invalid_import',
    });
  });

  it('editing the token of a running instance stops its session so the new one is used', async () => {
    fx = await handlerFixture();
    const { id } = await seeded(fx);
    await fx.app.channels['login:start'](id);
    const edited = await fx.app.channels['instances:save']({
      id,
      label: 'Renamed',
      baseUrl: fx.sim.baseUrl,
      expectedPhone: null,
      token: 'tok-replacement',
    });
    expect(edited).toMatchObject({ ok: true, value: { label: 'Renamed', hasToken: true } });
    expect(fx.app.manager.isActive(id)).toBe(false);
  });

  it('a background status check updates the list without starting a session', async () => {
    fx = await handlerFixture();
    const { id } = await seeded(fx);
    expect(await fx.app.checkStatus(id, new AbortController().signal)).toEqual({
      ok: true,
      status: 'STOPPED',
    });
    expect(await fx.app.channels['instances:list']()).toMatchObject([{ id, status: 'STOPPED', me: null }]);
    expect(fx.app.manager.isActive(id)).toBe(false);
    expect(await fx.app.checkStatus('ZZZZZZZZZZZZ', new AbortController().signal)).toMatchObject({
      ok: false,
    });
  });

  it('logging an instance out unlinks the phone and shows it needs a login again', async () => {
    fx = await handlerFixture();
    const token = `tok-${crypto.randomUUID()}`;
    const id = fx.sim.addInstance(token, { status: 'WORKING' });
    await fx.app.channels['instances:save']({
      id,
      label: 'Shop',
      baseUrl: fx.sim.baseUrl,
      expectedPhone: null,
      token,
    });
    expect(await fx.app.logoutInstance(id)).toEqual({ ok: true });
    expect(fx.sim.snapshot(id)?.me).toBeNull();
    expect((await fx.app.channels['instances:list']())[0]).toMatchObject({ id, me: null });
  });
});
