/**
 * axe-core over every screen and state of the app, in light, dark and at 200% zoom, through the real renderer,
 * handlers, engine and simulator: 0 violations. axe's script is evaluated by the test driver, so the page's
 * strict CSP stays in force (and a CSP violation would fail the walk too).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y-helpers';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const MODES = [
  { name: 'light', colorScheme: 'light', zoom: 1 },
  { name: 'dark', colorScheme: 'dark', zoom: 1 },
  { name: '200% zoom', colorScheme: 'light', zoom: 2 },
] as const;

/** The button that starts linking an instance, whatever the list calls that action. */
const linkButton = (label: string): RegExp => new RegExp(`^[^:]+: ${label}$`);

describe('axe-core on every screen', () => {
  for (const mode of MODES) {
    it(`finds no violation on any screen (${mode.name})`, { timeout: 240_000 }, async () => {
      app = await launchApp({
        open: false,
        colorScheme: mode.colorScheme,
        viewport: { width: 1280, height: 800 },
        zoom: mode.zoom,
        simulator: { qrFirstTtlMs: 30_000, qrNextTtlMs: 30_000 },
      });
      await app.page.clock.install();
      await app.open();
      const { page, sim } = app;
      const found: Record<string, string[]> = {};
      const check = async (state: string): Promise<void> => {
        await page.mouse.move(0, 0);
        found[state] = await axeViolations(page);
      };
      const toList = async (): Promise<void> => {
        await page.getByRole('button', { name: 'Instances', exact: true }).click();
        await page.getByRole('heading', { name: 'Instances', level: 1 }).waitFor();
      };
      const openLogin = async (label: string): Promise<void> => {
        await toList();
        await page
          .getByRole('button', { name: linkButton(label) })
          .first()
          .click();
      };

      await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();
      await check('empty (first run)');

      await page.getByRole('button', { name: 'Add instance' }).click();
      await page.getByLabel('Instance id').fill('3eb0-');
      await page.getByText('Advanced').click();
      await check('add form (with an invalid id)');

      const shop = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
      const other = await app.seedInstance({ label: 'Other', expectedPhone: '201012345678' });
      await app.seedInstance({ label: 'Broken', savedToken: 'tok-refused-by-the-server' });
      const flaky = await app.seedInstance({ label: 'Flaky' });
      const spent = await app.seedInstance({ label: 'Spent' });
      await app.seedInstance({ label: 'Pair' });
      await toList();
      await page.getByRole('heading', { name: 'Shop' }).waitFor();
      await check('instance list');

      await page.getByRole('button', { name: 'Edit: Shop' }).click();
      await page.getByLabel('Name').waitFor();
      await check('edit form');

      await toList();
      await page.getByRole('button', { name: 'Remove: Other' }).click();
      await page.getByRole('dialog').waitFor();
      await check('confirm dialog');
      await page.keyboard.press('Escape');

      await openLogin('Shop');
      const value = await waitForQr(page);
      await check('QR');
      await page.getByRole('button', { name: 'Enlarge' }).click();
      await page.getByRole('dialog').waitFor();
      await check('QR enlarged');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await openLogin('Shop');
      sim.scan(shop.instanceId, {
        value: sim.snapshot(shop.instanceId)?.qr?.value ?? value,
        phone: '201012345678',
      });
      await page.getByRole('heading', { name: /is linked$/ }).waitFor();
      await check('linked');

      await openLogin('Other');
      await waitForQr(page);
      sim.scan(other.instanceId, { phone: '201099999999', pushName: 'Ann' });
      await page
        .getByText(/\+20 10 99999999/)
        .first()
        .waitFor();
      await check('wrong number');

      await openLogin('Broken');
      await page.locator('[data-error]').first().waitFor();
      await check('error: token refused');

      sim.injectFault({ endpoint: '*', status: 502, times: Infinity });
      await openLogin('Flaky');
      await page.locator('[data-error]').first().waitFor({ timeout: 20_000 });
      await check('error: server trouble, retrying');
      sim.clearFaults();
      void flaky;

      await openLogin('Spent');
      await waitForQr(page);
      sim.crash(spent.instanceId);
      await page.getByRole('heading', { name: /codes ran out/i }).waitFor({ timeout: 20_000 });
      await check('codes used up');

      // Last of the login states: the page clock is moved on for the expiry.
      await openLogin('Pair');
      await waitForQr(page);
      await page.getByRole('button', { name: 'Use phone number instead' }).click();
      await check('pairing: before a request');
      sim.injectFault({ endpoint: 'auth/request-code', status: 500 });
      await page.getByLabel('Phone number of the WhatsApp account').fill('+20 101 234 5678');
      await page.getByRole('button', { name: 'Get a code' }).click();
      await expect.poll(() => page.locator('.login-status').textContent()).not.toMatch(/Getting|Enter/);
      await check('pairing: after a failure');
      await page.getByRole('button', { name: 'Get a code' }).click();
      await page.locator('output.pairing-code').waitFor();
      await check('pairing: code shown');
      await page.clock.fastForward('02:45');
      await page.getByText('Expired pairing code').waitFor();
      await check('pairing: expired');

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('switch').first().waitFor();
      await check('settings');

      const failing = Object.entries(found).filter(([, violations]) => violations.length > 0);
      expect(failing).toEqual([]);
      expect(Object.keys(found)).toHaveLength(17);
      expect(app.cspViolations).toEqual([]);
    });
  }
});
