/**
 * The e2e scaffolding that does not need Electron, tested here so the Electron runs on CI start from parts
 * that are known to work: finding the packaged app, and the private keyring worlds (working and hanging).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appUnderTest, packagedExecutable } from './app-under-test';
import { PRIVATE_KEYRING } from './keyring-mode';
import { createWorld, type World } from './world';

const dirs: string[] = [];
const worlds: World[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder holding an empty file at `relative`. */
function distWith(relative: string): string {
  const dist = mkdtempSync(join(tmpdir(), 'wawp-dist-'));
  dirs.push(dist);
  mkdirSync(join(dist, relative, '..'), { recursive: true });
  writeFileSync(join(dist, relative), '');
  return dist;
}

describe('packaged app lookup', () => {
  it.each([
    ['linux', 'linux-unpacked/wawp-link'],
    ['linux', 'linux-arm64-unpacked/wawp-link'],
    ['win32', 'win-unpacked/wawp-link.exe'],
    ['darwin', 'mac-arm64/wawp-link.app/Contents/MacOS/wawp-link'],
    ['darwin', 'mac/wawp-link.app/Contents/MacOS/wawp-link'],
  ] as const)('%s: finds %s', (platform, relative) => {
    const dist = distWith(relative);
    expect(packagedExecutable(dist, platform)).toBe(join(dist, relative));
  });
  it('finds nothing in an empty or missing dist/, or another platform’s build', () => {
    expect(packagedExecutable(join(tmpdir(), 'no-such-dist-here'), 'linux')).toBeNull();
    expect(packagedExecutable(distWith('win-unpacked/wawp-link.exe'), 'linux')).toBeNull();
  });
  it('says why when the packaged target is asked for and missing', () => {
    const target = appUnderTest({ WAWP_E2E_TARGET: 'packaged' });
    if (existsSync(join(import.meta.dirname, '..', 'dist'))) return; // a real build is there: nothing to check
    expect(target).toEqual({ ok: false, reason: 'no packaged app under dist/ (npx electron-builder --dir)' });
  });
});

/** Asks the world's bus whether the Secret Service answers a read within `seconds`. */
function secretServiceAnswers(env: NodeJS.ProcessEnv, seconds: number): boolean {
  const run = spawnSync(
    'timeout',
    [String(seconds), 'secret-tool', 'lookup', 'service', 'wawp-e2e-world', 'account', 'nobody'],
    { env },
  );
  return run.status !== 124; // 124: timeout killed it
}

describe.skipIf(!PRIVATE_KEYRING)('private keyring worlds', () => {
  it('a working world has its own settings folder and an answering Secret Service', async () => {
    const world = await createWorld('working');
    worlds.push(world);
    expect(world.env.WAWP_LINK_CONFIG_DIR).toBe(world.configDir);
    expect(world.env.DBUS_SESSION_BUS_ADDRESS).not.toBe(process.env.DBUS_SESSION_BUS_ADDRESS);
    expect(secretServiceAnswers(world.env, 5)).toBe(true);
  });
  it('a hanging world blocks every Secret Service call', async () => {
    const world = await createWorld('hanging');
    worlds.push(world);
    expect(secretServiceAnswers(world.env, 1)).toBe(false);
  });
});
