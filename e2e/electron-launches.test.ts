/**
 * Launch requests reach the running app: `--login <id>` on the first launch opens the login view; a second
 * launch hands its argv to the first and exits, which shows (and focuses) the hidden window; a second launch
 * with `--login <id>` or a `wawp-link://login/<id>` link opens that instance's login view. Skipped with the
 * reason where there is no Electron binary.
 */
import Conf from 'conf';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSettings } from '../main/store/settings';
import { describeApp } from './describe-app';
import { WORKING_KEYRING } from './keyring-mode';
import { waitUntil, windowVisible } from './main-process';
import { closeApp, createWorld, launchApp, secondLaunch, type World } from './world';

const SHOP = { id: 'ABCDEF123456', label: 'Shop', baseUrl: 'https://api.wawp.net' };
const DEPOT = { id: 'DEPOT0000001', label: 'Depot', baseUrl: 'https://api.wawp.net' };

/** The login view's heading, once the page shows one (null while another view is shown). */
function loginHeading(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.querySelector('.view.login h1')?.textContent ?? null`);
}

describeApp('launch requests', (target) => {
  let world: World;
  let app: ElectronApplication | null = null;
  let page: Page;

  beforeAll(async () => {
    world = await createWorld(WORKING_KEYRING);
    // Two instances (no tokens: nothing here talks to a server), written the way the CLI writes them.
    const { settings } = openSettings({ Store: Conf, cwd: world.configDir });
    settings.upsertInstance(SHOP);
    settings.upsertInstance(DEPOT);
    ({ app, page } = await launchApp(target, world, ['--login', SHOP.id]));
  }, 60_000);
  afterAll(async () => {
    await closeApp(app);
    world?.dispose();
  });

  /** Hides the window and shows the list, so each request below has something to change. */
  async function reset(): Promise<void> {
    await app!.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      win.webContents.send('navigate', { view: 'list' });
      win.hide();
    });
    await waitUntil('the list view', async () => (await loginHeading(page)) === null);
    expect(await windowVisible(app!)).toBe(false);
  }

  it('--login <id> on the first launch opens that login view', async () => {
    const heading = await waitUntil('the login view', () => loginHeading(page));
    expect(heading).toContain(SHOP.label);
  });

  it('a second launch exits and shows the first one’s window', async () => {
    await reset();
    expect(await secondLaunch(target, world, [])).toBe(0);
    await waitUntil('the window to come back', () => windowVisible(app!));
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('a second launch with --login <id> opens that login view in the first', async () => {
    await reset();
    expect(await secondLaunch(target, world, ['--login', DEPOT.id])).toBe(0);
    await waitUntil('the window to come back', () => windowVisible(app!));
    expect(await waitUntil('the login view', () => loginHeading(page))).toContain(DEPOT.label);
  });

  it('a wawp-link://login/<id> link opens that login view in the first', async () => {
    await reset();
    expect(await secondLaunch(target, world, [`wawp-link://login/${SHOP.id}`])).toBe(0);
    await waitUntil('the window to come back', () => windowVisible(app!));
    expect(await waitUntil('the login view', () => loginHeading(page))).toContain(SHOP.label);
  });
});
