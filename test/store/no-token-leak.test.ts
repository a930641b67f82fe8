import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chooseSecretStore } from '../../main/store/choose-secret-store';
import { KeytarStore } from '../../main/store/keytar-store';
import type { SecretStore } from '../../main/store/secrets';
import { openSettings } from '../../main/store/settings';
import { testEncryptor } from './test-encryptor';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
const dir = mkdtempSync(join(tmpdir(), 'wawp-leak-'));
const keychain = new KeytarStore({ service: `wawp-link-leak-${process.pid}` });

describe.skipIf(Boolean(unavailable))(
  `tokens never reach settings, files or logs ${unavailable ?? ''}`,
  () => {
    afterAll(async () => {
      for (const key of await keychain.list()) await keychain.delete(key);
      vi.restoreAllMocks();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes tokens through every store and finds none of them anywhere else', async () => {
      const logs: string[] = [];
      const capture = (...args: unknown[]) => void logs.push(args.map(String).join(' '));
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
        vi.spyOn(console, level).mockImplementation(capture);
      const writes = (chunk: unknown) => (logs.push(String(chunk)), true);
      vi.spyOn(process.stdout, 'write').mockImplementation(writes);
      vi.spyOn(process.stderr, 'write').mockImplementation(writes);

      const tokens = ['LEAKCHECK-KEYCHAIN-7f3a', 'LEAKCHECK-FILE-91cc', 'LEAKCHECK-MEMORY-02be'];
      const bad = ['LEAKCHECK-TOOLONG-' + 'z'.repeat(3000), 'LEAKCHECK-NEWLINE\nx'];
      const { settings } = openSettings({ Store: Conf, cwd: dir, onNotice: (n) => logs.push(n.message) });
      const encryptedFilePath = join(dir, 'tokens.bin');
      const health = { state: 'locked' as const, message: '' };
      const stores: SecretStore[] = [
        keychain,
        (
          await chooseSecretStore({
            keychain,
            health,
            encryptor: testEncryptor(),
            encryptedFilePath,
            consent: 'encrypted-file',
          })
        ).store!,
        (await chooseSecretStore({ keychain, health, consent: 'session-memory' })).store!,
      ];
      const ids = ['3EB0BCB2E3D4', 'ABCDEF123456', 'ZYXWVU987654'];
      for (const [i, store] of stores.entries()) {
        const instance = { id: ids[i]!, label: `Instance ${i}`, baseUrl: 'https://api.wawp.net' };
        settings.upsertInstance(instance);
        await store.set({ baseUrl: instance.baseUrl, instanceId: instance.id }, tokens[i]!);
        expect(await store.get({ baseUrl: instance.baseUrl, instanceId: instance.id })).toBe(tokens[i]);
        for (const token of bad) {
          const error = await store
            .set({ baseUrl: instance.baseUrl, instanceId: instance.id }, token)
            .catch((e: unknown) => e);
          logs.push(String(error), JSON.stringify(error));
        }
      }
      // Attempts to smuggle tokens into settings are refused; the refusals are logged like an app would.
      for (const attempt of [
        () =>
          settings.upsertInstance({
            id: ids[0],
            label: 'x',
            baseUrl: 'https://api.wawp.net',
            accessToken: tokens[0],
          }),
        () =>
          settings.upsertInstance({
            id: ids[0],
            label: 'x',
            baseUrl: `https://api.wawp.net/?access_token=${tokens[0]}`,
          }),
        () =>
          settings.importInstances(
            JSON.stringify([{ id: ids[1], label: 'y', baseUrl: 'https://a.b', token: tokens[1] }]),
          ),
      ]) {
        try {
          logs.push(JSON.stringify(attempt()));
        } catch (error) {
          logs.push(String(error));
        }
      }
      logs.push(settings.exportInstances());
      writeFileSync(join(dir, 'app.log'), logs.join('\n'));
      vi.restoreAllMocks();

      const files = readdirSync(dir).map((name) => join(dir, name));
      expect(files).toEqual(expect.arrayContaining([settings.path, encryptedFilePath, join(dir, 'app.log')]));
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const token of [...tokens, ...bad]) {
          expect(bytes.includes(Buffer.from(token.split('\n')[0]!)), `${token.slice(0, 20)} in ${file}`).toBe(
            false,
          );
        }
        expect(bytes.includes(Buffer.from('LEAKCHECK')), `a token prefix in ${file}`).toBe(false);
      }
      expect(logs.length).toBeGreaterThan(5);
    });
  },
);
