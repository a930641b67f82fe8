import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSettings } from '../../main/store/settings';

const dir = mkdtempSync(join(tmpdir(), 'wawp-estore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('settings over the real electron-store 11 (the class the app injects)', () => {
  it('accepts the same options as conf and writes the same file', async () => {
    // electron-store's `electron` import resolves under plain Node only with an override path (environment.md).
    process.env.ELECTRON_OVERRIDE_DIST_PATH ??= dir;
    const { default: ElectronStore } = await import('electron-store');
    const { settings, notices } = openSettings({ Store: ElectronStore, cwd: dir });
    expect(notices).toEqual([]);
    settings.upsertInstance({ id: '3EB0BCB2E3D4', label: 'Sales', baseUrl: 'https://api.wawp.net/' });
    expect(settings.path).toBe(join(dir, 'settings.json'));
    expect(statSync(settings.path).mode & 0o777).toBe(0o600);
    const data = JSON.parse(readFileSync(settings.path, 'utf8')) as {
      instances: unknown[];
      __internal__: unknown;
    };
    expect(data.instances).toEqual([{ id: '3EB0BCB2E3D4', label: 'Sales', baseUrl: 'https://api.wawp.net' }]);
    expect(data.__internal__).toEqual({ migrations: { version: '2.0.0' } });
    expect(() => settings.upsertInstance({ id: 'x', label: 'y', baseUrl: 'https://a.b' })).toThrow(
      /instance id/,
    );
  });
});
