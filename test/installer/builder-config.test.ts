/**
 * electron-builder.yml checked offline: it must satisfy electron-builder's own JSON schema
 * (node_modules/app-builder-lib/scheme.json, the file electron-builder validates with) and keep the
 * choices the app depends on (keytar unpacked, fuses, libsecret, the deep-link protocol, entitlements).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { APP_ID, PROTOCOL } from '../../main/app/desktop/deep-link';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(
  readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string };
  files: string[];
  asarUnpack: string[];
  protocols: { schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string };
  linux: { target: string[] };
  deb: { depends: string[] };
}

function load(): BuilderConfig {
  return parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    const ok = validate(load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a misspelled option', () => {
    expect(validate({ ...load(), asarUnpak: ['x'] })).toBe(false);
    expect(validate({ ...load(), electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('names the app and ships only the built output', () => {
    const config = load();
    expect(config.appId).toBe(APP_ID); // notifications on Windows need the same AppUserModelID
    expect(config.productName).toBe('wawp-link');
    expect(config.directories.buildResources).toBe('build');
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('package.json');
    for (const source of ['main', 'renderer', 'preload', 'common', 'test', 'simulator']) {
      expect(config.files.some((pattern) => pattern.startsWith(`${source}/`))).toBe(false);
    }
  });

  it('unpacks keytar’s native module and registers the deep-link protocol', () => {
    const config = load();
    expect(config.asarUnpack.some((glob) => glob.includes('keytar') && glob.endsWith('.node'))).toBe(true);
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual([PROTOCOL]);
  });

  it('locks Electron down with fuses', () => {
    expect(load().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('targets NSIS, DMG+zip (hardened runtime) and AppImage+deb (with libsecret)', () => {
    const config = load();
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('gives the hardened runtime the entitlements Electron needs', () => {
    const plist = readFileSync(resolve(root, load().mac.entitlements), 'utf8');
    expect(plist).toContain('<plist version="1.0">');
    for (const key of ['allow-jit', 'allow-unsigned-executable-memory', 'disable-library-validation']) {
      expect(plist).toMatch(new RegExp(`<key>com\\.apple\\.security\\.cs\\.${key}</key>\\s*<true/>`));
    }
  });
});
