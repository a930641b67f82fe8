import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInstanceId, parseDeepLink, parseLaunchArgs } from '../../main/app/desktop/deep-link';

const ID = '3EB0BCB2E3D4';

describe('parseDeepLink', () => {
  it('accepts login and pairing links, with one optional trailing slash', () => {
    expect(parseDeepLink(`wawp-link://login/${ID}`)).toEqual({
      ok: true,
      value: { view: 'login', instanceId: ID },
    });
    expect(parseDeepLink(`wawp-link://pairing/${ID}/`)).toEqual({
      ok: true,
      value: { view: 'pairing', instanceId: ID },
    });
  });

  const hostile: [string, RegExp][] = [
    [`wawp-link://login/${ID}?access_token=secret`, /query/],
    [`wawp-link://login/${ID}#access_token=secret`, /query or fragment/],
    [`wawp-link://user:pass@login/${ID}`, /credentials/],
    [`wawp-link://login/${ID}/extra`, /Unknown link/],
    [`wawp-link://login/${ID}//`, /Unknown link/],
    [`wawp-link://login/../settings/${ID}`, /Unknown link/],
    [`wawp-link://login/%33EB0BCB2E3D4`, /Percent/],
    [`wawp-link://login/3EB0BCB2E3D`, /Unknown link/],
    [`wawp-link://login/3EB0BCB2E3D45`, /Unknown link/],
    [`wawp-link://login/3EB0-CB2E3D4`, /Unknown link/],
    [`wawp-link://login/3ЕB0BCB2E3D4`, /non-ASCII/], // Cyrillic Е
    [`wawp-link://login/３EB0BCB2E3D4`, /non-ASCII/], // fullwidth digit
    [`wawp-link://login/${ID}\u200b`, /non-ASCII/], // zero-width space
    [`wawp-link://login/ ${ID}`, /spaces/],
    [`wawp-link://login/${ID}\n`, /control/],
    [`wawp-link://login/${ID}\u0000`, /control/],
    [`wawp-link://settings/${ID}`, /Unknown link/],
    [`wawp-link://LOGIN/${ID}`, /Unknown link/],
    [`wawp-link:login/${ID}`, /Unknown link/],
    [`wawp-link:///login/${ID}`, /Unknown link/],
    [`wawp-link://login:80/${ID}`, /Unknown link/],
    [`https://login/${ID}`, /Not a wawp-link/],
    [`javascript:alert(1)//wawp-link://login/${ID}`, /Not a wawp-link/],
    [`wawp-link://login/${'A'.repeat(60)}`, /too long/],
  ];
  it.each(hostile)('rejects %j', (link, reason) => {
    const parsed = parseDeepLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('never throws and only ever yields a 12-character ASCII id (fuzzed)', () => {
    const near = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }).map((s) => `wawp-link://login/${s}`),
      fc.string({ unit: 'grapheme' }).map((s) => `wawp-link://pairing/${ID}${s}`),
    );
    fc.assert(
      fc.property(near, (link) => {
        const parsed = parseDeepLink(link);
        if (parsed.ok) {
          expect(parsed.value.view === 'login' || parsed.value.view === 'pairing').toBe(true);
          expect(link).toMatch(/^wawp-link:\/\/(login|pairing)\/[A-Za-z0-9]{12}\/?$/);
        }
      }),
    );
  });

  it('does not echo the hostile input in its reason', () => {
    const parsed = parseDeepLink(`wawp-link://login/${ID}?access_token=SECRET123`);
    expect(JSON.stringify(parsed)).not.toContain('SECRET123');
  });
});

describe('isInstanceId', () => {
  it('is exactly 12 ASCII letters or digits', () => {
    expect(isInstanceId(ID)).toBe(true);
    expect(isInstanceId('abcdefABCDEF')).toBe(true);
    for (const bad of ['', 'ABC', `${ID} `, `${ID}\n`, 'ABCDEFGHIJK_', '3EB0BCB2E3Dⅳ', 42, null]) {
      expect(isInstanceId(bad)).toBe(false);
    }
  });
});

describe('parseLaunchArgs', () => {
  const exe = '/opt/wawp-link/wawp-link';

  it('reads --login <id>, --login=<id> and --pairing <id>', () => {
    expect(parseLaunchArgs([exe, '--login', ID]).target).toEqual({ view: 'login', instanceId: ID });
    expect(parseLaunchArgs([exe, `--login=${ID}`]).target).toEqual({ view: 'login', instanceId: ID });
    expect(parseLaunchArgs([exe, '--pairing', ID]).target).toEqual({ view: 'pairing', instanceId: ID });
  });

  it('ignores the app path and Chromium switches, even between --login and its id', () => {
    const argv = [
      'electron',
      '/home/ann/wawp-link',
      '--allow-file-access-from-files',
      '--login',
      '--original-process-start-time=13389123456789',
      ID,
      '--enable-features=Foo',
    ];
    expect(parseLaunchArgs(argv)).toEqual({
      target: { view: 'login', instanceId: ID },
      hidden: false,
      errors: [],
    });
  });

  it('reads a deep link passed as an argument (Windows and Linux protocol handlers)', () => {
    expect(parseLaunchArgs([exe, `wawp-link://pairing/${ID}/`]).target).toEqual({
      view: 'pairing',
      instanceId: ID,
    });
  });

  it('sees --hidden anywhere', () => {
    expect(parseLaunchArgs([exe, '--hidden']).hidden).toBe(true);
    expect(parseLaunchArgs([exe, '--login', '--hidden', ID]).hidden).toBe(true);
    expect(parseLaunchArgs([exe]).hidden).toBe(false);
  });

  it('rejects bad ids and a missing id with a reason, and opens nothing', () => {
    for (const argv of [
      [exe, '--login'],
      [exe, '--login', '-x'],
      [exe, '--login', '3EB0BCB2E3D'],
      [exe, '--login', '../../etc/passwd'],
      [exe, '--login=3ЕB0BCB2E3D4'],
      [exe, '--login='],
      [exe, `wawp-link://login/${ID}?access_token=x`],
    ]) {
      const request = parseLaunchArgs(argv);
      expect(request.target).toBeNull();
      expect(request.errors).toHaveLength(1);
    }
  });

  it('does not take the id from an unrelated argument after a bare --login', () => {
    expect(parseLaunchArgs([exe, '--login', '--pairing', ID]).target).toEqual({
      view: 'pairing',
      instanceId: ID,
    });
  });

  it('keeps the first valid request when several are given', () => {
    const other = 'AAAABBBBCCCC';
    expect(parseLaunchArgs([exe, '--login', ID, `wawp-link://pairing/${other}`]).target).toEqual({
      view: 'login',
      instanceId: ID,
    });
  });
});
