/**
 * The app's secret switch: nothing is stored until the user consents to a fallback, and the keychain's state
 * follows reality (checking at start, "Try again", a re-check by itself when a token is needed, a failure
 * mid-run). The keychain here is an in-memory store whose health the test sets; the real keyring is driven in
 * test/store/keychain-recheck.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createSecretSwitch } from '../../main/app/platform/secret-switch';
import { chooseSecretStore } from '../../main/store/choose-secret-store';
import { createKeychainMonitor } from '../../main/store/keychain-monitor';
import { SecretStoreError } from '../../main/store/secret-error';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import type { KeychainHealth, SecretStore } from '../../main/store/secrets';
import { handlerFixture } from './handler-fixture';

const KEY = { baseUrl: 'https://api.wawp.net', instanceId: 'ABCDEF123456' };
const NO_PROVIDER: KeychainHealth = { state: 'no-provider', message: 'No keyring service is running.' };
const OK: KeychainHealth = { state: 'ok', message: '' };

/** A keychain whose health (what the probe finds) and failures the test controls. */
function fakeKeychain() {
  const store = new SessionMemoryStore();
  const control = { health: NO_PROVIDER, probes: 0, failReads: false };
  const keychain: SecretStore = Object.assign(store, {
    location: 'keychain' as const,
    health: () => Promise.resolve(control.health),
    get: (key: typeof KEY) =>
      control.failReads
        ? Promise.reject(new SecretStoreError('keychain', 'The keychain is locked.'))
        : SessionMemoryStore.prototype.get.call(store, key),
  });
  let clock = 0;
  const monitor = createKeychainMonitor({
    probe: () => {
      control.probes++;
      return Promise.resolve(control.health);
    },
    now: () => clock,
    minIntervalMs: 1000,
  });
  const secrets = createSecretSwitch({
    keychain,
    monitor,
    choose: (health, consent) => chooseSecretStore({ keychain, health, ...(consent ? { consent } : {}) }),
  });
  const changes: string[] = [];
  secrets.onChange((health) => changes.push(health.state));
  return { secrets, control, changes, tick: (ms: number) => (clock += ms) };
}

describe('secret switch', () => {
  it('starts as checking, with nothing on offer, until the first probe answers', async () => {
    const { secrets, control, changes } = fakeKeychain();
    expect(await secrets.health()).toEqual({ state: 'checking', message: 'Checking the keychain…' });
    expect(secrets.offers()).toEqual([]);
    control.health = OK;
    expect(await secrets.recheck()).toEqual(OK);
    expect(changes).toEqual(['ok']);
    await secrets.set(KEY, 'tok-12345');
    expect(await secrets.get(KEY)).toBe('tok-12345');
  });

  it('a token read during the first probe waits for it instead of reading as missing', async () => {
    const { secrets, control } = fakeKeychain();
    control.health = OK;
    const first = secrets.recheck();
    const read = secrets.get(KEY);
    await first;
    expect(await read).toBeNull();
    expect(control.probes).toBe(1);
  });

  it('refuses tokens until consent, then keeps them where the user agreed', async () => {
    const { secrets } = fakeKeychain();
    await secrets.recheck();
    expect(secrets.offers()).toEqual(['session-memory']);
    await expect(secrets.set(KEY, 'tok-12345')).rejects.toThrow(/No keyring service is running/);
    expect(await secrets.consent('encrypted-file')).toBe(false);
    expect(await secrets.consent('session-memory')).toBe(true);
    await secrets.set(KEY, 'tok-12345');
    expect(await secrets.get(KEY)).toBe('tok-12345');
    expect(secrets.location).toBe('session-memory');
    expect(secrets.offers()).toEqual([]);
  });

  it('re-checks by itself when a token is needed, at most once per interval', async () => {
    const { secrets, control, changes, tick } = fakeKeychain();
    await secrets.recheck();
    expect(control.probes).toBe(1);
    expect(await secrets.get(KEY)).toBeNull(); // within the interval: no new probe
    expect(control.probes).toBe(1);
    control.health = OK; // the user unlocked the keychain
    tick(1500);
    expect(await secrets.get(KEY)).toBeNull();
    expect(control.probes).toBe(2);
    expect(await secrets.health()).toEqual(OK);
    await secrets.set(KEY, 'tok-12345');
    expect(await secrets.get(KEY)).toBe('tok-12345');
    expect(changes).toEqual(['no-provider', 'ok']);
  });

  it('"Try again" probes at once, whatever the interval', async () => {
    const { secrets, control } = fakeKeychain();
    await secrets.recheck();
    control.health = OK;
    expect((await secrets.recheck()).state).toBe('ok');
    expect(control.probes).toBe(2);
  });

  it('a keychain that fails mid-run is probed again and shown as it is', async () => {
    const { secrets, control, changes } = fakeKeychain();
    control.health = OK;
    await secrets.recheck();
    await secrets.set(KEY, 'tok-12345');
    control.failReads = true;
    control.health = { state: 'locked', message: 'The keychain is locked.' };
    await expect(secrets.get(KEY)).rejects.toThrow('The keychain is locked.');
    expect((await secrets.health()).state).toBe('locked');
    expect(secrets.offers()).toEqual(['session-memory']);
    expect(changes).toEqual(['ok', 'locked']);
  });

  it('keeps a consented fallback when the keychain comes back (its tokens live there)', async () => {
    const { secrets, control } = fakeKeychain();
    await secrets.recheck();
    await secrets.consent('session-memory');
    await secrets.set(KEY, 'tok-12345');
    control.health = OK;
    await secrets.recheck();
    expect(secrets.location).toBe('session-memory');
    expect(await secrets.get(KEY)).toBe('tok-12345');
    expect((await secrets.health()).state).toBe('ok');
  });

  it('is offered, accepted and re-checked through the settings channels', async () => {
    const { secrets, control } = fakeKeychain();
    await secrets.recheck();
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
      control.health = OK;
      const pushesBefore = fx.pushes.length;
      const after = await fx.app.channels['settings:keychain-check']();
      expect(after).toMatchObject({
        keychain: { state: 'ok' },
        tokenStorage: 'keychain',
        tokenStorageOffers: [],
      });
      expect(fx.pushes.slice(pushesBefore).map((push) => push.channel)).toContain('instances:changed');
      const saved = await fx.app.channels['instances:save']({
        id: 'ABCDEF123456',
        label: 'Shop',
        baseUrl: '',
        expectedPhone: null,
        token: 'tok-abcdef',
      });
      expect(saved).toMatchObject({ ok: true, value: { hasToken: true, tokenLocation: 'keychain' } });
    } finally {
      await fx.close();
    }
  });

  it('takes the consent through settings:token-storage', async () => {
    const { secrets } = fakeKeychain();
    await secrets.recheck();
    const fx = await handlerFixture(secrets, secrets);
    try {
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
