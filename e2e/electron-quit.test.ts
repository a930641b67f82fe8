/**
 * With a keychain that never answers (a private gnome-keyring stopped with SIGSTOP, so every Secret Service
 * call blocks natively): the window still appears before the keychain check ends, the check reports the
 * keychain as not answering, and Quit ends the process within 5 s. Linux with gnome-keyring only (elsewhere
 * there is no way to make the OS keychain hang); skipped with the reason otherwise.
 */
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeApp } from './describe-app';
import { PRIVATE_KEYRING } from './keyring-mode';
import { startupState, waitUntil, windowVisible } from './main-process';
import { closeApp, createWorld, launchApp, type World } from './world';

describeApp(
  'a hanging keychain',
  (target) => {
    let world: World;
    let app: ElectronApplication | null = null;
    let page: Page;

    beforeAll(async () => {
      world = await createWorld('hanging');
      ({ app, page } = await launchApp(target, world));
    }, 60_000);
    afterAll(async () => {
      await closeApp(app);
      world?.dispose();
    });

    it('does not hold the window back', async () => {
      await waitUntil('the window to be visible', () => windowVisible(app!));
      const state = await waitUntil('the keychain check to give up', async () => {
        const report = await startupState(app!);
        return report?.steps.keychain !== undefined ? report : null;
      });
      // The probe waits 3 s for an answer that never comes; the window was made before that.
      expect(state.steps.keychain! - state.steps.window!).toBeGreaterThanOrEqual(2_500);
      const keychain = await page.evaluate<{ state: string; message: string }>(
        'window.wawp.getSettings().then((s) => s.keychain)',
      );
      expect(keychain.state).toBe('locked');
      expect(keychain.message).toMatch(/did not answer/);
    }, 60_000);

    it('quits within 5 s while a keychain call is still blocked', async () => {
      const child = app!.process();
      const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
      const asked = Date.now();
      await app!.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
      const at = await Promise.race([
        exited,
        new Promise<number>((resolve) => setTimeout(() => resolve(-1), 15_000)),
      ]);
      expect(at, 'the app was still running 15 s after Quit').not.toBe(-1);
      expect(at - asked).toBeLessThan(5_000);
    }, 30_000);
  },
  PRIVATE_KEYRING ? null : 'needs Linux with gnome-keyring-daemon and dbus-daemon to make the keychain hang',
);
