// @ts-check
/**
 * Getting and finding the Electron binary. Electron 42+ no longer downloads it on `npm install` (its package
 * has no install script), and electron-vite reads `node_modules/electron/path.txt`, which only that download
 * writes: without this, `npm start` dies with "Electron uninstall". Plain Node (runs before any build step),
 * never `require('electron')` (that starts a download), no network except the electron package's installer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The one command that fetches the binary (the electron package's own `install-electron` bin). */
export const INSTALL_COMMAND = 'npx install-electron';

/** @typedef {{ ok: true, path: string } | { ok: false, cause: string }} ElectronBinary */

/** The installed electron package's folder, or null when the package itself is missing. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** True when the user asked not to download the binary (any value but empty, 0 or false). */
export function skipRequested(env = process.env) {
  const value = (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * Finds the binary as electron's index.js does (path.txt under dist/, or ELECTRON_OVERRIDE_DIST_PATH) and as
 * electron-vite does (ELECTRON_EXEC_PATH wins). Never downloads.
 * @param {string | null} packageDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {ElectronBinary}
 */
export function findElectronBinary(packageDir = electronPackageDir(), env = process.env) {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { ok: true, path: env.ELECTRON_EXEC_PATH }
      : { ok: false, cause: `ELECTRON_EXEC_PATH points at ${env.ELECTRON_EXEC_PATH}, which does not exist` };
  if (!packageDir) return { ok: false, cause: 'the electron package is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH)
    return { ok: false, cause: 'the Electron binary was never downloaded' };
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative || 'electron');
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, cause: `the Electron binary is missing (no ${binary})` };
}

/** The one sentence `npm start` prints when it cannot launch: the cause, then the fix. */
export function missingBinarySentence(/** @type {string} */ cause) {
  return `Cannot start wawp-link: ${cause}; run \`${INSTALL_COMMAND}\` with network access (ELECTRON_MIRROR selects a mirror), then \`npm start\` again.`;
}

/** The first line of an installer failure that says what went wrong (no stack frames), at most 160 chars. */
export function failureCause(/** @type {string} */ output) {
  const line = output
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return (line ?? 'the installer failed without a message').slice(0, 160);
}

/**
 * What `npm install` does about the binary: nothing when present, one line when skipped or impossible.
 * Never throws and never fails the install (everything but `npm start` works without the binary).
 * @param {{ packageDir?: string | null, env?: NodeJS.ProcessEnv, installer?: string, timeoutMs?: number }} [options]
 * @returns {{ line: string | null }}
 */
export function installElectronBinary(options = {}) {
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  const env = options.env ?? process.env;
  if (!packageDir) return { line: null }; // e.g. `npm ci --omit=dev`: no Electron wanted
  if (skipRequested(env))
    return {
      line: `wawp-link: Electron binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); \`npm start\` needs it: run \`${INSTALL_COMMAND}\`.`,
    };
  if (findElectronBinary(packageDir, env).ok) return { line: null };
  const installer = options.installer ?? join(packageDir, 'install.js');
  const run = spawnSync(process.execPath, [installer], {
    cwd: packageDir,
    env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status === 0 && findElectronBinary(packageDir, env).ok) return { line: null };
  const cause = run.error
    ? run.error.message
    : run.status === 0
      ? 'the installer left no binary'
      : failureCause(`${run.stderr ?? ''}\n${run.stdout ?? ''}`);
  return {
    line: `wawp-link: could not download the Electron binary (${cause}); everything but \`npm start\` works: check the network or set ELECTRON_MIRROR, then run \`${INSTALL_COMMAND}\`.`,
  };
}
