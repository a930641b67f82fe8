/**
 * The renderer under its strict CSP: every screen works without inline script or style (no violation while
 * using them), inline code injected into the page is refused, the page makes no network request of its own,
 * and no token typed into the form or held by main ever reaches the DOM or an IPC message towards the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('renderer security', () => {
  it('uses every screen with no CSP violation, no outside request and no token in the DOM or IPC', async () => {
    const { page } = app;
    const token = `tok-${crypto.randomUUID()}`;
    app.tokens.add(token);
    const instanceId = app.sim.addInstance(token);
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByLabel('Name').fill('Secure');
    await page.getByLabel('Instance id').fill(instanceId);
    await page.getByLabel('Access token').fill(token);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(app.sim.baseUrl);
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('button', { name: 'Link: Secure' }).click();
    const value = await waitForQr(page);
    await page.getByRole('button', { name: 'Enlarge' }).click();
    await page.getByRole('button', { name: 'Make smaller' }).click();
    await page.getByRole('button', { name: 'Use phone number instead' }).click();
    await page.getByLabel('Phone number of the WhatsApp account').fill('+20 101 234 5678');
    await page.getByRole('button', { name: 'Get a code' }).click();
    await page.locator('output.pairing-code').waitFor();
    app.sim.scan(instanceId, { value, phone: '201012345678', pushName: 'Ann' });
    await page.getByRole('heading', { name: '“Secure” is linked' }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByText('Where tokens live').waitFor();
    await page.getByRole('button', { name: 'Instances' }).click();
    await page.getByRole('button', { name: 'Edit: Secure' }).click();

    expect(app.cspViolations).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
    // The token crossed towards main (the check and the save), and never back.
    expect(app.ipcLog.some((r) => !r.towardsRenderer && JSON.stringify(r).includes(token))).toBe(true);
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('refuses inline script and inline style attributes injected into the page', async () => {
    const before = app.cspViolations.length;
    const result = await app.page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'width: 123px');
      document.body.appendChild(div);
      return { ran: window.__inlineRan === true, width: div.getBoundingClientRect().width };
    })()`);
    expect(result).toMatchObject({ ran: false });
    expect((result as { width: number }).width).not.toBe(123);
    await expect.poll(() => app.cspViolations.length).toBeGreaterThanOrEqual(before + 2);
  });
});
