/**
 * Started at login with "Start hidden" on (`--hidden`): the tray icon comes first and the window stays hidden
 * where a tray host shows the icon (macOS, Windows); where none does (a Linux session without a
 * StatusNotifierWatcher, like the private bus here) the window is shown once that is known, never out of reach.
 */
import Conf from 'conf';
import type { ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSettings } from '../main/store/settings';
import { describeApp } from './describe-app';
import { WORKING_KEYRING } from './keyring-mode';
import { startupState, waitUntil, windowVisible } from './main-process';
import { closeApp, createWorld, launchApp, type World } from './world';

describeApp('hidden start', (target) => {
  let world: World;
  let app: ElectronApplication | null = null;

  beforeAll(async () => {
    world = await createWorld(WORKING_KEYRING);
    openSettings({ Store: Conf, cwd: world.configDir }).settings.setPreferences({ startHidden: true });
    ({ app } = await launchApp(target, world, ['--hidden']));
  }, 60_000);
  afterAll(async () => {
    await closeApp(app);
    world?.dispose();
  });

  it('has the tray icon, and shows the window only when no tray host shows the icon', async () => {
    const state = await waitUntil('the tray-host check', async () => {
      const report = await startupState(app!);
      return report && report.trayHost !== null ? report : null;
    });
    expect(state.trayExists).toBe(true);
    if (state.trayHost) {
      // Give a wrong "show" every chance to happen before saying it did not.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await windowVisible(app!)).toBe(false);
    } else {
      await waitUntil('the window to be shown for want of a tray host', () => windowVisible(app!));
    }
    if (WORKING_KEYRING === 'working') expect(state.trayHost).toBe(false); // the private bus has no watcher
  });
});
