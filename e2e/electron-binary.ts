/**
 * Finds the installed Electron binary the way node_modules/electron/index.js does, WITHOUT requiring that
 * module: requiring it starts a download when the binary is missing (environment.md: GitHub is unreachable).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The binary's path, or why there is none. */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** Looks for the binary; never downloads anything. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH)
    return {
      ok: false,
      reason: `the Electron binary was never downloaded (no ${pathFile}; set ELECTRON_OVERRIDE_DIST_PATH or run node node_modules/electron/install.js with network access)`,
    };
  const binary = join(distDir, relative ?? 'electron');
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `no Electron binary at ${binary}` };
}
