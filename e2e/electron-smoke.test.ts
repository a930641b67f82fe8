/**
 * The REAL app in Electron (Playwright `_electron`), dev build or packaged (app-under-test.ts): the window
 * appears within a few seconds and before the background checks end, it is sandboxed with our preload only,
 * the bridge answers, the tray icon exists, and the demo links a number. Where there is no Electron binary
 * (machines without GitHub access) it reports itself skipped with the reason.
 */
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../common/ipc';
import { describeApp } from './describe-app';
import { WORKING_KEYRING } from './keyring-mode';
import { startupState, waitUntil, windowVisible } from './main-process';
import { closeApp, createWorld, launchApp, type World } from './world';

describeApp('Electron app', (target) => {
  let world: World;
  let app: ElectronApplication | null = null;
  let page: Page;
  let shownAfterMs = 0;

  beforeAll(async () => {
    world = await createWorld(WORKING_KEYRING);
    const started = Date.now();
    ({ app, page } = await launchApp(target, world));
    const launched = app;
    await waitUntil('the window to be visible', () => windowVisible(launched));
    shownAfterMs = Date.now() - started;
  }, 60_000);
  afterAll(async () => {
    await closeApp(app);
    world?.dispose();
  });

  it('shows its window within a few seconds, and before the background checks finish', async () => {
    expect(shownAfterMs).toBeLessThan(10_000);
    const state = await waitUntil('the background checks', async () => {
      const report = await startupState(app!);
      return report?.steps.keychain !== undefined && report.steps['tray-host'] !== undefined ? report : null;
    });
    expect(state.steps.window).toBeLessThanOrEqual(state.steps.keychain!);
    expect(state.steps.window).toBeLessThanOrEqual(state.steps['tray-host']!);
    expect(await page.title()).toBe('wawp-link');
  });

  it('runs a context-isolated page without Node whose only bridge is ours and answers', async () => {
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
    // contextBridge only works with context isolation, so a frozen bridge proves it (the options themselves,
    // sandbox included, are unit-tested in test/app/window-options.test.ts).
    expect(await page.evaluate('Object.isFrozen(window.wawp) && typeof window.wawp.listInstances')).toBe(
      'function',
    );
    expect(await page.evaluate('window.wawp.listInstances()')).toEqual([]);
    expect(await page.evaluate('window.wawp.getSettings().then((s) => s.keychain.state)')).not.toBe(
      'checking',
    );
  });

  it('has a tray icon', async () => {
    expect((await startupState(app!))?.trayExists).toBe(true);
  });

  it('links a number in the demo: code shown, scanned by the simulated phone, connected', async () => {
    const outcome = await page.evaluate(`(async () => {
      const demo = await window.wawp.startDemo();
      if (!demo.ok) return { error: demo.reason };
      const id = demo.value.id;
      return await new Promise((resolve) => {
        let codes = 0;
        const stop = window.wawp.onLoginEvent(({ instanceId, event }) => {
          if (instanceId !== id) return;
          if (event.type === 'qr') {
            codes += 1;
            void window.wawp.scanDemo(id);
          }
          if (event.type === 'connected') { stop(); resolve({ connected: true, codes, me: event.me }); }
          if (event.type === 'error' && event.fatal) { stop(); resolve({ error: event.message }); }
        });
        void window.wawp.startLogin(id).then((r) => { if (!r.ok) { stop(); resolve({ error: r.reason }); } });
      });
    })()`);
    expect(outcome).toMatchObject({
      connected: true,
      me: { id: expect.stringMatching(/\d{6,}/) as unknown },
    });
    expect((outcome as { codes: number }).codes).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
