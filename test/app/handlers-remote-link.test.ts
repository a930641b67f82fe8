/** The remote-link channels over the real handlers, engine and simulator (no browser). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

let f: HandlerFixture;
beforeEach(async () => {
  f = await handlerFixture();
});
afterEach(async () => {
  await f.close();
});

async function addInstance(token = 'tok-remote-handlers'): Promise<string> {
  const id = f.sim.addInstance('tok-remote-handlers');
  const saved = await f.app.channels['instances:save']({
    id,
    label: 'Far',
    baseUrl: f.sim.baseUrl,
    expectedPhone: null,
    token,
  });
  if (!saved.ok) throw new Error(saved.reason);
  return id;
}

describe('remote-link channels', () => {
  it('open starts watching, reuses the live link on a second open, cancel revokes it', async () => {
    const id = await addInstance();
    const first = await f.app.channels['remote-link:open'](id);
    expect(first).toMatchObject({ ok: true, value: { reused: false } });
    expect(f.app.manager.isActive(id)).toBe(true);
    const again = await f.app.channels['remote-link:open'](id);
    expect(again.ok && first.ok && again.value.url).toBe(first.ok && first.value.url);
    expect(await f.app.channels['remote-link:cancel'](id)).toEqual({ ok: true, value: null });
    expect(f.sim.tempLink(id)).toBeNull();
    await f.waitForPush('remote-link:event', (p) => p.instanceId === id && p.event.type === 'revoked');
  });

  it('renew replaces the link; cancel without a link is fine', async () => {
    const id = await addInstance();
    const first = await f.app.channels['remote-link:open'](id);
    const second = await f.app.channels['remote-link:renew'](id);
    expect(second).toMatchObject({ ok: true, value: { replaced: true } });
    expect(first.ok && second.ok && first.value.url !== second.value.url).toBe(true);
    await f.app.channels['remote-link:cancel'](id);
    expect(await f.app.channels['remote-link:cancel'](id)).toEqual({ ok: true, value: null });
  });

  it('an unknown instance, or no token, fails as data with the next step', async () => {
    expect(await f.app.channels['remote-link:open']('ABCDEF123456')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    // An instance in the settings whose token is gone (e.g. a keychain reset).
    const id = f.sim.addInstance('tok-remote-handlers');
    f.settings.putInstance({ id, label: 'No token', baseUrl: f.sim.baseUrl, expectedPhone: null });
    expect(await f.app.channels['remote-link:open'](id)).toMatchObject({ ok: false, code: 'no_token' });
  });

  it('a wrong token fails as `unauthorized` without the token in the reason', async () => {
    const id = await addInstance('tok-wrong-for-remote');
    const result = await f.app.channels['remote-link:open'](id);
    expect(result).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(JSON.stringify(result)).not.toContain('tok-wrong-for-remote');
  });

  it('dispose revokes every live link (quit)', async () => {
    const id = await addInstance();
    await f.app.channels['remote-link:open'](id);
    await f.app.dispose();
    expect(f.sim.tempLink(id)).toBeNull();
  });
});
