import { afterAll, describe, expect, it } from 'vitest';
import { KeytarStore, probeKeychain } from '../../main/store/keytar-store';
import { SecretStoreError } from '../../main/store/secret-error';
import { TOKEN_MAX_BYTES } from '../../main/store/secret-key';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
const service = `wawp-link-test-${process.pid}`;
const store = new KeytarStore({ service, timeoutMs: 10_000 });
const key = (instanceId: string, baseUrl = 'https://api.wawp.net') => ({ baseUrl, instanceId });

describe.skipIf(Boolean(unavailable))(`keychain on the real gnome-keyring ${unavailable ?? ''}`, () => {
  afterAll(async () => {
    for (const k of await store.list()) await store.delete(k);
  });

  it('probes ok', async () => {
    expect(await probeKeychain({ service })).toEqual({ state: 'ok', message: '' });
    expect(await store.health()).toEqual({ state: 'ok', message: '' });
  });

  it('sets, gets, lists and deletes, with normalised base URLs', async () => {
    await store.set(key('3EB0BCB2E3D4', 'HTTPS://API.Wawp.net/'), 'tok-1');
    expect(await store.get(key('3EB0BCB2E3D4'))).toBe('tok-1');
    await store.set(key('3EB0BCB2E3D4'), 'tok-2');
    expect(await store.get(key('3EB0BCB2E3D4', 'https://api.wawp.net:443'))).toBe('tok-2');
    expect(await store.list()).toContainEqual(key('3EB0BCB2E3D4'));
    expect(await store.delete(key('3EB0BCB2E3D4'))).toBe(true);
    expect(await store.delete(key('3EB0BCB2E3D4'))).toBe(false);
    expect(await store.get(key('3EB0BCB2E3D4'))).toBeNull();
  });

  it('keeps the same id on different servers apart', async () => {
    await store.set(key('AAAAAAAAAAAA', 'https://api.wawp.net'), 'prod');
    await store.set(key('AAAAAAAAAAAA', 'http://127.0.0.1:8787'), 'sim');
    expect(await store.get(key('AAAAAAAAAAAA', 'https://api.wawp.net'))).toBe('prod');
    expect(await store.get(key('AAAAAAAAAAAA', 'http://127.0.0.1:8787'))).toBe('sim');
    await store.delete(key('AAAAAAAAAAAA', 'http://127.0.0.1:8787'));
    expect(await store.get(key('AAAAAAAAAAAA', 'https://api.wawp.net'))).toBe('prod');
  });

  it('round-trips Unicode tokens byte for byte', async () => {
    for (const token of ['тест-токен', '令牌🔑', 'e\u0301-combining', 'ع'.repeat(1280)]) {
      await store.set(key('UNICODE00001'), token);
      expect(await store.get(key('UNICODE00001'))).toBe(token);
    }
  });

  it('accepts exactly the Windows limit and rejects longer, empty or multi-line tokens without echoing them', async () => {
    await store.set(key('LIMIT0000001'), 'x'.repeat(TOKEN_MAX_BYTES));
    const tooLong = 'SECRETPART' + 'é'.repeat(TOKEN_MAX_BYTES / 2 - 4);
    for (const [token, code] of [
      [tooLong, 'token_too_long'],
      ['', 'invalid_token'],
      ['SECRET\nline', 'invalid_token'],
      ['SECRET\u0000nul', 'invalid_token'],
    ] as const) {
      const error = await store.set(key('LIMIT0000002'), token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SecretStoreError);
      expect((error as SecretStoreError).code).toBe(code);
      expect((error as Error).message).not.toContain('SECRET');
    }
    expect(await store.get(key('LIMIT0000002'))).toBeNull();
  });

  it('rejects keys that would collide or are not keys', async () => {
    await expect(store.set(key('a|b'), 't')).rejects.toMatchObject({ code: 'invalid_key' });
    await expect(store.set(key('ABC', 'ftp://x'), 't')).rejects.toMatchObject({ code: 'invalid_key' });
  });

  it('survives concurrent writes: distinct entries all land, one entry ends with the last write', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `CONC${String(i).padStart(8, '0')}`);
    await Promise.all(ids.map((id) => store.set(key(id), `token-${id}`)));
    const values = await Promise.all(ids.map((id) => store.get(key(id))));
    expect(values).toEqual(ids.map((id) => `token-${id}`));
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.set(key('CONCSAME0001'), `v${i}`)));
    expect(await store.get(key('CONCSAME0001'))).toBe('v11');
    const listed = await store.list();
    for (const id of ids) expect(listed).toContainEqual(key(id));
  });
});
