import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSecretStore, listSecretLocations, locateSecret } from '../../main/store/choose-secret-store';
import { EncryptedFileStore, isRealEncryption } from '../../main/store/encrypted-file-store';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import type { KeychainHealth, SecretStore } from '../../main/store/secrets';
import { testEncryptor } from './test-encryptor';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wawp-fallback-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = { baseUrl: 'https://api.wawp.net', instanceId: '3EB0BCB2E3D4' };
const locked: KeychainHealth = { state: 'locked', message: 'unlock it' };
/** A keychain stand-in whose only job here is to report a health; it must never be used when unhealthy. */
const keychainWith = (health: KeychainHealth): SecretStore => ({
  location: 'keychain',
  get: () => Promise.reject(new Error('keychain used')),
  set: () => Promise.reject(new Error('keychain used')),
  delete: () => Promise.reject(new Error('keychain used')),
  list: () => Promise.reject(new Error('keychain used')),
  health: () => Promise.resolve(health),
});

describe('EncryptedFileStore', () => {
  it('stores ciphertext in an owner-only file and reads it back', async () => {
    const filePath = join(dir, 'nested', 'tokens.bin');
    const store = await EncryptedFileStore.open({ filePath, encryptor: testEncryptor() });
    await Promise.all([
      store.set(key, 'SECRET-ONE'),
      store.set({ ...key, instanceId: 'ABCDEF123456' }, 'SECRET-TWO'),
    ]);
    expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(await store.get(key)).toBe('SECRET-ONE');
    expect(await store.list()).toHaveLength(2);
    expect(await store.delete(key)).toBe(true);
    expect(await store.get(key)).toBeNull();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['tokens.bin']);
  });

  it('refuses basic_text, unknown and unavailable encryption', async () => {
    for (const encryptor of [
      testEncryptor('basic_text'),
      testEncryptor('unknown'),
      testEncryptor('kwallet5', false),
    ]) {
      expect(await isRealEncryption(encryptor)).toBe(false);
      await expect(EncryptedFileStore.open({ filePath: join(dir, 't'), encryptor })).rejects.toThrow(
        /basic_text/,
      );
    }
    expect(await isRealEncryption(testEncryptor(undefined))).toBe(true);
  });

  it('writes the tokens again under the new key when safeStorage asks for re-encryption', async () => {
    const filePath = join(dir, 'tokens.bin');
    const encryptor = testEncryptor();
    const store = await EncryptedFileStore.open({ filePath, encryptor });
    await store.set(key, 'SECRET-ROTATE');
    const before = readFileSync(filePath);
    encryptor.rotate();
    expect(await store.get(key)).toBe('SECRET-ROTATE');
    const after = readFileSync(filePath);
    expect(after.equals(before)).toBe(false);
    expect(after[0]).toBe(1); // written with the rotated key
    const writes = encryptor.encryptions();
    expect(await store.get(key)).toBe('SECRET-ROTATE');
    expect(encryptor.encryptions()).toBe(writes); // nothing left to re-encrypt
  });

  it('keeps an undecryptable file and says so; discard() moves it aside on request', async () => {
    const filePath = join(dir, 'tokens.bin');
    const other = await EncryptedFileStore.open({ filePath, encryptor: testEncryptor() });
    await other.set(key, 'SECRET-OTHER-KEY');
    const store = await EncryptedFileStore.open({ filePath, encryptor: testEncryptor() });
    await expect(store.get(key)).rejects.toMatchObject({ code: 'corrupt' });
    await expect(store.set(key, 'SECRET-NEW')).rejects.toMatchObject({ code: 'corrupt' });
    expect(readdirSync(dir)).toEqual(['tokens.bin']);
    expect(await store.discard()).toMatch(/tokens\.bin\.corrupt-/);
    expect(await store.get(key)).toBeNull();
    await store.set(key, 'SECRET-NEW');
    expect(await store.get(key)).toBe('SECRET-NEW');
  });

  it('moves a decryptable but damaged file aside with a notice', async () => {
    const filePath = join(dir, 'tokens.bin');
    const encryptor = testEncryptor();
    writeFileSync(filePath, await encryptor.encryptString('not json'));
    const notices: string[] = [];
    const store = await EncryptedFileStore.open({ filePath, encryptor, onNotice: (m) => notices.push(m) });
    expect(await store.get(key)).toBeNull();
    expect(notices[0]).toMatch(/damaged/);
    expect(readdirSync(dir).some((f) => f.startsWith('tokens.bin.corrupt-'))).toBe(true);
  });
});

describe('chooseSecretStore', () => {
  it('uses the keychain when healthy, offering nothing else', async () => {
    const keychain = keychainWith({ state: 'ok', message: '' });
    expect(
      await chooseSecretStore({ keychain, encryptor: testEncryptor(), encryptedFilePath: join(dir, 't') }),
    ).toEqual({
      store: keychain,
      health: { state: 'ok', message: '' },
      offers: [],
    });
  });

  it('never falls back without consent, and offers only what is real', async () => {
    const base = { keychain: keychainWith(locked), encryptedFilePath: join(dir, 't') };
    expect(await chooseSecretStore({ ...base, encryptor: testEncryptor() })).toMatchObject({
      store: null,
      health: locked,
      offers: ['encrypted-file', 'session-memory'],
    });
    const basic = await chooseSecretStore({
      ...base,
      encryptor: testEncryptor('basic_text'),
      consent: 'encrypted-file',
    });
    expect(basic).toMatchObject({ store: null, offers: ['session-memory'] });
  });

  it('returns the consented fallback, and locations are reported per instance', async () => {
    const base = {
      keychain: keychainWith(locked),
      encryptedFilePath: join(dir, 't'),
      encryptor: testEncryptor(),
    };
    const file = (await chooseSecretStore({ ...base, consent: 'encrypted-file' })).store!;
    const memory = (await chooseSecretStore({ ...base, consent: 'session-memory' })).store!;
    expect([file.location, memory.location]).toEqual(['encrypted-file', 'session-memory']);
    expect(memory).toBeInstanceOf(SessionMemoryStore);
    const other = { ...key, instanceId: 'ABCDEF123456' };
    await file.set(key, 'SECRET-F');
    await memory.set(other, 'SECRET-M');
    const stores = [base.keychain, file, memory];
    expect(await locateSecret(stores, key)).toBe('encrypted-file');
    expect(await locateSecret(stores, other)).toBe('session-memory');
    expect(await locateSecret(stores, { ...key, baseUrl: 'https://other.example' })).toBeNull();
    expect(await listSecretLocations(stores)).toEqual([
      { ...key, location: 'encrypted-file' },
      { ...other, location: 'session-memory' },
    ]);
  });
});
