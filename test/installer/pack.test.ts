/**
 * Packs the app offline with a stand-in Electron (`--linux dir`, electronDist = a folder holding an
 * `electron` file that carries only Electron's fuse wire) and checks the result: the asar holds the
 * built main/preload/renderer and no sources, keytar's native module is unpacked beside it, and the
 * fuses from electron-builder.yml were flipped. Downloads are impossible by construction: every proxy
 * points at a closed loopback port and the cache is an empty temp folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronVersion, makeStandInElectron, offlineEnv, ROOT as root } from './stand-in-electron';

const work = mkdtempSync(join(tmpdir(), 'wawp-pack-'));
const appDir = join(work, 'out', 'linux-unpacked');
const resources = join(appDir, 'resources');
/** Fuse states as stored in the binary (@electron/fuses' FuseState, which its index does not re-export). */
const ENABLE = 0x31;
const DISABLE = 0x30;

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd: root,
      // electron-builder mutes its log when it sees VITEST; the child is not a test, so drop it.
      env: { ...process.env, VITEST: '', ...env },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`.slice(-4000), {
      cause: error,
    });
  }
}

let log = '';
beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    await run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  }
  const dist = makeStandInElectron(work);
  const pack = (): Promise<string> =>
    run(
      process.execPath,
      [
        join(root, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.electronVersion=${electronVersion()}`,
        `-c.directories.output=${join(work, 'out')}`,
      ],
      offlineEnv(work),
    );
  // In a shared working tree someone may rebuild out/ mid-pack (files vanish): pack once more then.
  log = await pack().catch((error: Error) => {
    if (!/ENOENT[^\n]*\/out\//.test(error.message)) throw error;
    return pack();
  });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packing with a stand-in Electron', () => {
  it('names the executable after the product and downloads nothing', () => {
    expect(existsSync(join(appDir, 'wawp-link'))).toBe(true);
    expect(log).toContain('using custom unpacked Electron distribution');
    expect(log).not.toMatch(/download/i);
  });

  it('puts the built main, preload and renderer in app.asar, and no sources', () => {
    const files = listPackage(join(resources, 'app.asar'), { isPack: false });
    for (const built of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(built);
    }
    const own = files.filter((file) => !/^\/node_modules(\/|$)/.test(file));
    expect(own.filter((file) => file !== '/package.json' && !/^\/out(\/|$)/.test(file))).toEqual([]);
    expect(own.filter((file) => /\.(ts|map)$/.test(file))).toEqual([]);
    expect(files).toContain('/node_modules/keytar/package.json');
    const manifest = JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString()) as {
      main: string;
    };
    expect(files).toContain(`/${manifest.main}`); // the entry Electron starts is really in the archive
  });

  it('unpacks keytar’s native module next to the asar', () => {
    const native = join(resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node');
    expect(readFileSync(native).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46])); // ELF
  });

  it('ships the tray icons as resources', () => {
    for (const name of ['linked.png', 'needs-login@2x.png', 'errorTemplate.png', 'errorTemplate@2x.png']) {
      expect(existsSync(join(resources, 'tray', name))).toBe(true);
    }
  });

  it('flips the fuses electron-builder.yml asks for', async () => {
    const fuses = await getCurrentFuseWire(join(appDir, 'wawp-link'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
  });
});
