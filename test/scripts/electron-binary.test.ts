/**
 * Getting and finding the Electron binary (scripts/electron-binary.mjs) and the two entry points built on it:
 * `npm install`'s postinstall never fails and says at most one line; `npm start` without a binary exits 1 with
 * one sentence. Installers here are small stand-in scripts, or the real one pointed at a closed loopback port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronPackageDir,
  failureCause,
  findElectronBinary,
  installElectronBinary,
  missingBinarySentence,
  skipRequested,
} from '../../scripts/electron-binary.mjs';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wawp-electron-bin-'));
  dirs.push(dir);
  return dir;
}
/** A package folder holding a downloaded binary (path.txt + dist/electron), as install.js leaves it. */
function installedPackage(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'electron'), '');
  writeFileSync(join(dir, 'path.txt'), 'electron');
  return dir;
}
/** An installer script: `body` runs in Node with the package folder as cwd. */
function installer(body: string): string {
  const file = join(tempDir(), 'install.cjs');
  writeFileSync(file, body);
  return file;
}
/** Env without the variables these tests set on purpose. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH'])
    delete env[name];
  return { ...env, ...extra };
}

describe('findElectronBinary', () => {
  it('reports a package whose binary was never downloaded', () => {
    expect(findElectronBinary(tempDir(), cleanEnv())).toEqual({
      ok: false,
      cause: 'the Electron binary was never downloaded',
    });
  });
  it('finds the binary that path.txt names under dist/', () => {
    const dir = installedPackage();
    expect(findElectronBinary(dir, cleanEnv())).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });
  it('names the missing file when path.txt points at nothing', () => {
    const dir = installedPackage();
    rmSync(join(dir, 'dist'), { recursive: true });
    const found = findElectronBinary(dir, cleanEnv());
    expect(found.ok).toBe(false);
    expect(!found.ok && found.cause).toContain(join(dir, 'dist', 'electron'));
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_EXEC_PATH', () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(tempDir(), cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist }))).toEqual({
      ok: true,
      path: join(dist, 'electron'),
    });
    const exec = join(dist, 'electron');
    expect(findElectronBinary(null, cleanEnv({ ELECTRON_EXEC_PATH: exec }))).toEqual({
      ok: true,
      path: exec,
    });
    expect(findElectronBinary(null, cleanEnv({ ELECTRON_EXEC_PATH: join(dist, 'gone') })).ok).toBe(false);
  });
  it('says so when the electron package itself is missing', () => {
    expect(findElectronBinary(null, cleanEnv())).toEqual({
      ok: false,
      cause: 'the electron package is not installed',
    });
  });
});

describe('skipRequested', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['', false],
    ['0', false],
    ['false', false],
    [undefined, false],
  ])('ELECTRON_SKIP_BINARY_DOWNLOAD=%s -> %s', (value, expected) => {
    expect(skipRequested(value === undefined ? {} : { ELECTRON_SKIP_BINARY_DOWNLOAD: value })).toBe(expected);
  });
});

describe('installElectronBinary', () => {
  it('does not run the installer when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so in one line', () => {
    const marker = join(tempDir(), 'ran');
    const script = installer(`require('fs').writeFileSync(${JSON.stringify(marker)}, '')`);
    const { line } = installElectronBinary({
      packageDir: tempDir(),
      installer: script,
      env: cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }),
    });
    expect(existsSync(marker)).toBe(false);
    expect(line).toMatch(
      /^wawp-link: Electron binary not downloaded \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/,
    );
    expect(line).toContain('npx install-electron');
    expect(line).not.toContain('\n');
  });
  it('is silent when the binary is already there (the installer is not run)', () => {
    const script = installer('process.exit(3)');
    expect(
      installElectronBinary({ packageDir: installedPackage(), installer: script, env: cleanEnv() }),
    ).toEqual({ line: null });
  });
  it('is silent after a download that leaves the binary', () => {
    const dir = tempDir();
    const script = installer(
      "const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron');",
    );
    expect(installElectronBinary({ packageDir: dir, installer: script, env: cleanEnv() })).toEqual({
      line: null,
    });
    expect(findElectronBinary(dir, cleanEnv()).ok).toBe(true);
  });
  it('turns a failed download with a stack trace into one line naming the cause and the fix', () => {
    const script = installer(
      "console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);",
    );
    const { line } = installElectronBinary({ packageDir: tempDir(), installer: script, env: cleanEnv() });
    expect(line).toBe(
      'wawp-link: could not download the Electron binary (Error: getaddrinfo ENOTFOUND github.com); everything but `npm start` works: check the network or set ELECTRON_MIRROR, then run `npx install-electron`.',
    );
  });
  it('reports an installer that exits 0 without leaving a binary', () => {
    const { line } = installElectronBinary({
      packageDir: tempDir(),
      installer: installer(''),
      env: cleanEnv(),
    });
    expect(line).toContain('(the installer left no binary)');
  });
  it('reports the package as absent by saying nothing (nothing to install)', () => {
    expect(installElectronBinary({ packageDir: null, env: cleanEnv() })).toEqual({ line: null });
  });

  const real = findElectronBinary();
  it.skipIf(real.ok)(
    'runs the real electron installer and, with the mirror on a closed loopback port, prints one line',
    async () => {
      const port = await closedPort();
      const { line } = installElectronBinary({
        env: cleanEnv({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: tempDir(),
          ELECTRON_GET_NO_PROGRESS: '1',
        }),
      });
      expect(line).toMatch(/^wawp-link: could not download the Electron binary \(.+\); /);
      expect(line).not.toContain('\n');
      expect(findElectronBinary().ok).toBe(false);
    },
  );
});

describe('failureCause', () => {
  it('takes the first line that is not a stack frame, capped', () => {
    expect(failureCause('\n  TypeError: fetch failed\n    at x (y.js:1:2)\n')).toBe(
      'TypeError: fetch failed',
    );
    expect(failureCause('')).toBe('the installer failed without a message');
    expect(failureCause('x'.repeat(500))).toHaveLength(160);
  });
});

describe('the entry points', () => {
  it('postinstall with ELECTRON_SKIP_BINARY_DOWNLOAD prints one line and exits 0', () => {
    const run = spawnSync(process.execPath, ['scripts/install-electron.mjs'], {
      cwd: ROOT,
      env: cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  });

  it('`npm start` without a binary exits non-zero with one sentence and no stack trace', () => {
    const empty = tempDir();
    const run = spawnSync('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty }),
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      missingBinarySentence(`the Electron binary is missing (no ${join(empty, 'electron')})`),
    );
    expect(run.stdout + run.stderr).not.toMatch(/Electron uninstall|\n\s+at /);
  });

  it('the launcher checks before building (no out/ work, no electron-vite output)', () => {
    const run = spawnSync(process.execPath, ['scripts/launch-electron.mjs', 'preview'], {
      cwd: ROOT,
      env: cleanEnv({ ELECTRON_EXEC_PATH: join(tempDir(), 'nothing-here') }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^Cannot start wawp-link: ELECTRON_EXEC_PATH points at .+; run `npx install-electron`/,
    );
  });

  it('knows where the real electron package is', () => {
    expect(electronPackageDir()).toBe(join(ROOT, 'node_modules', 'electron'));
  });
});

/** A loopback port nothing listens on (bound, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
