/** The handlers over the real keychain (gnome-keyring on a private D-Bus): tokens land there, never in settings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarStore } from '../../main/store/keytar-store';
import { handlerFixture } from './handler-fixture';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
const store = new KeytarStore({ service: `wawp-link-test-app-${process.pid}`, timeoutMs: 10_000 });

describe.skipIf(Boolean(unavailable))(`handlers on the real keychain ${unavailable ?? ''}`, () => {
  afterAll(async () => {
    for (const key of await store.list()) await store.delete(key);
  });

  it('saves the token to the keychain only, shows where it lives, and deletes it with the instance', async () => {
    const fx = await handlerFixture(store);
    try {
      const token = `tok-${crypto.randomUUID()}`;
      const id = fx.sim.addInstance(token);
      const saved = await fx.app.channels['instances:save']({
        id,
        label: 'Shop',
        baseUrl: fx.sim.baseUrl,
        expectedPhone: null,
        token,
      });
      expect(saved).toMatchObject({ ok: true, value: { hasToken: true, tokenLocation: 'keychain' } });
      expect(await store.get({ baseUrl: fx.sim.baseUrl, instanceId: id })).toBe(token);
      for (const file of readdirSync(fx.settingsDir))
        expect(readFileSync(join(fx.settingsDir, file), 'utf8')).not.toContain(token);
      expect(await fx.app.channels['login:start'](id)).toEqual({ ok: true, value: null });
      await fx.waitForPush('login:event', (p) => p.event.type === 'qr');
      expect(await fx.app.channels['instances:remove'](id)).toEqual({ ok: true, value: null });
      expect(await store.get({ baseUrl: fx.sim.baseUrl, instanceId: id })).toBeNull();
      expect(JSON.stringify(fx.pushes)).not.toContain(token);
    } finally {
      await fx.close();
    }
  });
});
