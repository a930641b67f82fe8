/**
 * Settings in real Chromium over the real handlers: the global shortcut in the words of the platform the app
 * runs on (Ctrl+Shift+L on Windows and Linux, ⇧⌘L on macOS) with key names for screen readers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** What navigator says on each platform (Client Hints and the legacy field). */
const NAVIGATOR = {
  mac: { hint: 'macOS', legacy: 'MacIntel' },
  windows: { hint: 'Windows', legacy: 'Win32' },
  linux: { hint: 'Linux', legacy: 'Linux x86_64' },
};

describe('settings', () => {
  for (const [platform, text, spoken] of [
    ['linux', 'Ctrl+Shift+L', 'Ctrl Shift L'],
    ['windows', 'Ctrl+Shift+L', 'Ctrl Shift L'],
    ['mac', '⇧⌘L', 'Shift Command L'],
  ] as const) {
    it(`shows the global shortcut as ${platform} writes it (${text}) and names its keys`, async () => {
      app = await launchApp({ open: false });
      const nav = NAVIGATOR[platform];
      await app.context.addInitScript(`(() => {
        Object.defineProperty(Navigator.prototype, 'platform', { get: () => ${JSON.stringify(nav.legacy)} });
        Object.defineProperty(Navigator.prototype, 'userAgentData', {
          get: () => ({ platform: ${JSON.stringify(nav.hint)}, brands: [], mobile: false }),
        });
      })()`);
      await app.open();
      const { page } = app;
      await page.getByRole('button', { name: 'Settings' }).click();
      const shortcut = page.getByRole('switch', {
        name: `Global shortcut to show the window (${spoken})`,
      });
      await shortcut.waitFor();
      expect(await page.locator('kbd.shortcut').textContent()).toBe(text);
      expect(await page.locator('.view').textContent()).not.toMatch(/CommandOrControl|CmdOrCtrl/);
      // Keyboard: Space on the focused switch turns the shortcut on, through main.
      await shortcut.focus();
      await page.keyboard.press('Space');
      await expect
        .poll(async () => (await app!.handlers.channels['settings:get']()).preferences.globalShortcut.enabled)
        .toBe(true);
    });
  }
});
