/**
 * Which Electron app the end-to-end tests launch: the dev build (the Electron binary + this folder, whose
 * package.json `main` is out/main/index.js) or, with WAWP_E2E_TARGET=packaged, the app electron-builder
 * made with `--dir` under dist/. Never downloads anything; says why when there is nothing to launch.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

export const APP_DIR = join(import.meta.dirname, '..');

/** What to launch (`args` go before the test's own). */
export type AppUnderTest =
  | { ok: true; kind: 'dev' | 'packaged'; executablePath: string; args: string[] }
  | { ok: false; reason: string };

/** The packaged executable electron-builder --dir leaves in `dist` for this platform, or null. */
export function packagedExecutable(
  dist: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (!existsSync(dist)) return null;
  const candidates =
    platform === 'darwin'
      ? readdirSync(dist)
          .filter((name) => name.startsWith('mac'))
          .map((name) => join(dist, name, 'wawp-link.app', 'Contents', 'MacOS', 'wawp-link'))
      : platform === 'win32'
        ? [join(dist, 'win-unpacked', 'wawp-link.exe')]
        : readdirSync(dist)
            .filter((name) => /^linux(-\w+)?-unpacked$/.test(name))
            .map((name) => join(dist, name, 'wawp-link'));
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Resolves the app under test from the environment. */
export function appUnderTest(env: NodeJS.ProcessEnv = process.env): AppUnderTest {
  if (env.WAWP_E2E_TARGET === 'packaged') {
    const executablePath = packagedExecutable(join(APP_DIR, 'dist'));
    return executablePath
      ? { ok: true, kind: 'packaged', executablePath, args: [] }
      : { ok: false, reason: 'no packaged app under dist/ (npx electron-builder --dir)' };
  }
  const binary = findElectronBinary();
  if (!binary.ok) return { ok: false, reason: `${binary.cause} (npx install-electron)` };
  if (!existsSync(join(APP_DIR, 'out', 'main', 'index.js')))
    return { ok: false, reason: 'the app is not built (npm run build)' };
  return { ok: true, kind: 'dev', executablePath: binary.path, args: [APP_DIR] };
}
