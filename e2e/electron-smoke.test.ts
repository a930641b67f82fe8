/**
 * Smoke test of the REAL app in Electron (Playwright `_electron`): the built main process starts, opens a
 * sandboxed window with our preload, the bridge answers, and the demo runs. Needs the Electron binary and
 * `npm run build`; where the binary is not installed (e.g. CI without GitHub access) it reports itself
 * skipped with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../common/ipc';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

const binary = findElectronBinary();

/** The bits of the electron module the checks read in the main process. */
interface ElectronLike {
  BrowserWindow: {
    getAllWindows(): { webContents: { getLastWebPreferences(): Record<string, unknown> | null } }[];
  };
  app: { exit(code: number): void };
}

/** `evaluate` in Electron's main process, typed locally (playwright-core types it against electron's module). */
function inMain<R>(app: ElectronApplication, fn: (electron: ElectronLike) => R): Promise<R> {
  return (app.evaluate as unknown as (f: (electron: ElectronLike) => R) => Promise<R>).call(app, fn);
}
/** The app folder: package.json `main` points Electron at the built out/main/index.js. */
const APP_DIR = join(import.meta.dirname, '..');

describe('Electron smoke', () => {
  if (!binary.ok) {
    it.skip(`skipped: ${binary.cause} (npx install-electron)`, () => undefined);
    return;
  }

  it('starts the real app with a secure window, a working bridge and the demo', async () => {
    const home = mkdtempSync(join(tmpdir(), 'wawp-electron-'));
    let electronApp: ElectronApplication | null = null;
    try {
      electronApp = await _electron.launch({
        executablePath: binary.path,
        args: [APP_DIR, '--no-sandbox'],
        env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, NO_AT_BRIDGE: '1' },
      });
      const page = await electronApp.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('wawp-link');
      const renderer = await page.evaluate(`({
        require: typeof require,
        process: typeof process,
        electronLog: typeof __electronLog,
        verbs: Object.keys(window.wawp).length,
      })`);
      expect(renderer).toEqual({
        require: 'undefined',
        process: 'undefined',
        electronLog: 'undefined',
        verbs: INVOKE_CHANNELS.length + PUSH_CHANNELS.length,
      });
      const prefs = await inMain(electronApp, (electron) => {
        const contents = electron.BrowserWindow.getAllWindows()[0]!.webContents;
        const p = contents.getLastWebPreferences() ?? {};
        return {
          sandbox: p.sandbox,
          contextIsolation: p.contextIsolation,
          nodeIntegration: p.nodeIntegration,
        };
      });
      expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(await page.evaluate('window.wawp.listInstances()')).toEqual([]);
      expect(await page.evaluate('window.wawp.startDemo()')).toMatchObject({
        ok: true,
        value: { isDemo: true },
      });
    } finally {
      // Teardown: the app may already be gone; closing must not mask the assertion that failed.
      if (electronApp) await inMain(electronApp, (electron) => electron.app.exit(0)).catch(() => undefined);
      await electronApp?.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
