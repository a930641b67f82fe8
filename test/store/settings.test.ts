import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsNotice } from '../../main/store/settings';
import { openSettings, SettingsError, SettingsImportError } from '../../main/store/settings';
import { defaultSettings } from '../../main/store/settings-schema';

let dir: string;
const file = () => join(dir, 'settings.json');
const open = (onNotice?: (n: SettingsNotice) => void) =>
  openSettings({ Store: Conf, cwd: dir, ...(onNotice ? { onNotice } : {}) });
const A = { id: '3EB0BCB2E3D4', label: 'Sales', baseUrl: 'https://api.wawp.net' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wawp-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings', () => {
  it('starts with defaults, owner-only file, no notices', () => {
    const { settings, notices } = open();
    expect(notices).toEqual([]);
    expect(settings.listInstances()).toEqual([]);
    expect(settings.getPreferences()).toEqual(defaultSettings().preferences);
    expect(settings.getWindowBounds()).toBeNull();
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('upserts normalised instances, updates by id, removes', () => {
    const { settings } = open();
    const first = settings.upsertInstance({
      ...A,
      baseUrl: 'HTTPS://API.Wawp.NET/',
      expectedPhone: '+20 101 234 5678',
    });
    expect(first).toEqual({ created: true, instance: { ...A, expectedPhone: '201012345678' } });
    expect(settings.upsertInstance({ ...A, label: 'Support' }).created).toBe(false);
    expect(open().settings.listInstances()).toEqual([{ ...A, label: 'Support' }]);
    expect(settings.removeInstance(A.id)).toBe(true);
    expect(settings.removeInstance(A.id)).toBe(false);
  });

  it.each([
    [{ ...A, id: 'short' }, /instance id/],
    [{ ...A, label: '' }, /label is empty/],
    [{ ...A, label: 'evil\u202Egnp.exe' }, /direction-override/],
    [{ ...A, baseUrl: 'http://api.wawp.net' }, /https/],
    [{ ...A, baseUrl: 'https://api.wawp.net/?access_token=x' }, /query/],
    [{ ...A, expectedPhone: '12' }, /phone/],
    [{ ...A, accessToken: 'abc' }, /looks like a secret/],
    [{ ...A, extra: 1 }, /unknown field/],
  ])('rejects invalid instance %#', (input, reason) => {
    const { settings } = open();
    expect(() => settings.upsertInstance(input)).toThrow(SettingsError);
    expect(() => settings.upsertInstance(input)).toThrow(reason);
    expect(settings.listInstances()).toEqual([]);
  });

  it('allows plain http only for loopback (the simulator)', () => {
    const { settings } = open();
    expect(settings.upsertInstance({ ...A, baseUrl: 'http://127.0.0.1:8787' }).instance.baseUrl).toBe(
      'http://127.0.0.1:8787',
    );
  });

  it('patches preferences and window bounds with validation', () => {
    const { settings } = open();
    const prefs = settings.setPreferences({ startHidden: true, globalShortcut: { enabled: true } });
    expect(prefs.startHidden).toBe(true);
    expect(prefs.globalShortcut).toEqual({ enabled: true, accelerator: 'CommandOrControl+Shift+L' });
    expect(() => settings.setPreferences({ globalShortcut: { accelerator: 'rm -rf' } })).toThrow(
      SettingsError,
    );
    expect(() => settings.setPreferences({ token: 'x' } as never)).toThrow(SettingsError);
    settings.setWindowBounds({ x: 10, y: 20, width: 800, height: 600 });
    expect(open().settings.getWindowBounds()).toEqual({ x: 10, y: 20, width: 800, height: 600 });
    expect(() => settings.setWindowBounds({ width: 1.5, height: 600 })).toThrow(SettingsError);
  });

  it('backs up corrupt JSON and resets with a notice', () => {
    writeFileSync(file(), '{"instances": [');
    const { settings, notices } = open();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe('reset');
    expect(notices[0]!.message).toMatch(/not valid JSON/);
    expect(readFileSync(notices[0]!.backupPath!, 'utf8')).toBe('{"instances": [');
    expect(settings.listInstances()).toEqual([]);
  });

  it('backs up a schema-violating file and resets', () => {
    open().settings.upsertInstance(A);
    const data = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    writeFileSync(file(), JSON.stringify({ ...data, preferences: { launchAtLogin: 'yes' } }));
    const { settings, notices } = open();
    expect(notices.map((n) => n.kind)).toEqual(['reset']);
    expect(notices[0]!.message).toMatch(/expected layout/);
    expect(settings.listInstances()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('recovers when the file breaks while running', () => {
    const seen: SettingsNotice[] = [];
    const { settings } = open((n) => seen.push(n));
    settings.upsertInstance(A);
    writeFileSync(file(), 'garbage');
    expect(settings.listInstances()).toEqual([]);
    expect(seen.map((n) => n.kind)).toEqual(['reset']);
  });

  it('migrates a 1.x file: renames fields, strips plaintext tokens, reports counts only', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        instances: [
          {
            id: '3EB0BCB2E3D4',
            name: 'Old',
            url: 'https://API.wawp.net/',
            phone: '201012345678',
            accessToken: 'LEGACY-SECRET-1',
          },
          { id: 'bad', name: 'Broken' },
        ],
        launchAtLogin: true,
        shortcut: 'Alt+W',
        apiToken: 'LEGACY-SECRET-2',
      }),
    );
    const { settings, notices } = open();
    expect(settings.listInstances()).toEqual([
      { id: '3EB0BCB2E3D4', label: 'Old', baseUrl: 'https://api.wawp.net', expectedPhone: '201012345678' },
    ]);
    expect(settings.getPreferences()).toMatchObject({
      launchAtLogin: true,
      globalShortcut: { enabled: true, accelerator: 'Alt+W' },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/removed 2 token field.*dropped 1 instance/);
    expect(notices[0]!.message).not.toMatch(/LEGACY/);
    expect(readFileSync(file(), 'utf8')).not.toMatch(/LEGACY|accessToken|apiToken/);
    expect(open().notices).toEqual([]);
  });

  it('round-trips export/import without secrets', () => {
    const one = open().settings;
    one.upsertInstance(A);
    one.upsertInstance({
      id: 'ABCDEF123456',
      label: 'Local',
      baseUrl: 'http://127.0.0.1:9000',
      expectedPhone: '15551234567',
    });
    const json = one.exportInstances();
    rmSync(file());
    const two = open().settings;
    expect(two.importInstances(json)).toEqual({ added: 2, updated: 0, rejected: [] });
    expect(two.listInstances()).toEqual(one.listInstances());
    expect(two.importInstances(json)).toEqual({ added: 0, updated: 2, rejected: [] });
  });

  it('rejects hostile imports entry by entry, never storing them', () => {
    const { settings } = open();
    const result = settings.importInstances(
      JSON.stringify([
        A,
        { ...A, label: 'dup' },
        { ...A, id: 'ABCDEF123456', access_token: 'SECRET' },
        JSON.parse(
          '{"__proto__": {"polluted": true}, "id": "ABCDEF123457", "label": "x", "baseUrl": "https://a.b"}',
        ),
        { ...A, id: 'ABCDEF123458', baseUrl: 'javascript:alert(1)' },
        { ...A, id: 'ABCDEF123459', label: 'x'.repeat(101) },
        'not an object',
        { ...A, id: 'ABCDEF12345A', nested: { password: 'p' } },
      ]),
    );
    expect(result.added).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(JSON.stringify(result)).not.toMatch(/SECRET/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(settings.listInstances()).toEqual([A]);
    expect(() => settings.importInstances('{')).toThrow(SettingsImportError);
    expect(() => settings.importInstances('{"nope": 1}')).toThrow(SettingsImportError);
    expect(() => settings.importInstances(' '.repeat(1_000_001))).toThrow(/too large/);
  });
});
