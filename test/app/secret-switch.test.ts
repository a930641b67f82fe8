/** With an unusable keychain, nothing is stored until the user consents to an offered fallback. */
import { describe, expect, it } from 'vitest';
import { createSecretSwitch } from '../../main/app/platform/secret-switch';
import { chooseSecretStore } from '../../main/store/choose-secret-store';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import type { SecretStore } from '../../main/store/secrets';
import { handlerFixture } from './handler-fixture';

const broken: SecretStore = Object.assign(new SessionMemoryStore(), {
  location: 'keychain' as const,
  health: () => Promise.resolve({ state: 'no-provider' as const, message: 'No keyring service is running.' }),
});

describe('secret switch', () => {
  it('refuses tokens until consent, then keeps them where the user agreed', async () => {
    const key = { baseUrl: 'https://api.wawp.net', instanceId: 'ABCDEF123456' };
    const secrets = createSecretSwitch(await chooseSecretStore({ keychain: broken }), (consent) =>
      chooseSecretStore({ keychain: broken, consent }),
    );
    expect(secrets.offers()).toEqual(['session-memory']);
    await expect(secrets.set(key, 'tok-12345')).rejects.toThrow(/No keyring service is running/);
    expect(await secrets.get(key)).toBeNull();
    expect(await secrets.consent('encrypted-file')).toBe(false);
    expect(await secrets.consent('session-memory')).toBe(true);
    await secrets.set(key, 'tok-12345');
    expect(await secrets.get(key)).toBe('tok-12345');
    expect(secrets.location).toBe('session-memory');
    expect(secrets.offers()).toEqual([]);
  });

  it('is offered and accepted through settings:get and settings:token-storage', async () => {
    const secrets = createSecretSwitch(await chooseSecretStore({ keychain: broken }), (consent) =>
      chooseSecretStore({ keychain: broken, consent }),
    );
    const fx = await handlerFixture(secrets, secrets);
    try {
      const before = await fx.app.channels['settings:get']();
      expect(before).toMatchObject({
        keychain: { state: 'no-provider' },
        tokenStorageOffers: ['session-memory'],
      });
      const save = await fx.app.channels['instances:save']({
        id: 'ABCDEF123456',
        label: 'Shop',
        baseUrl: '',
        expectedPhone: null,
        token: 'tok-abcdef',
      });
      expect(save).toMatchObject({ ok: false, code: 'secret_store' });
      expect(fx.settings.listInstances()).toEqual([]);
      const chosen = await fx.app.channels['settings:token-storage']('session-memory');
      expect(chosen).toMatchObject({
        ok: true,
        value: { tokenStorage: 'session-memory', tokenStorageOffers: [] },
      });
    } finally {
      await fx.close();
    }
  });
});
