/**
 * Linked, wrong number and Link again, driven as a user would: Linked says it once with what happens next and
 * one button; a different number is a warning with both numbers and two ways out, shown in the list until
 * resolved; "Link again" confirms, logs the number out and shows a new code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { contentText, focused, invokes, occurrences, waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Opens the login view of `label` and scans its code with `phone`. */
async function linkWith(a: LaunchedApp, instanceId: string, label: string, phone: string): Promise<void> {
  await a.page.getByRole('button', { name: `Link: ${label}` }).click();
  const value = await waitForQr(a.page);
  expect(a.sim.scan(instanceId, { value, phone, pushName: 'Ann' })).toEqual({ ok: true });
}

describe('linked and wrong number', () => {
  it('Linked says it once: a heading that fits, the account, what happens now, one button; focus on the result', async () => {
    app = await launchApp();
    const { page } = app;
    const { instanceId } = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
    await linkWith(app, instanceId, 'Shop', '201012345678');
    const heading = page.getByRole('heading', { level: 1, name: '“Shop” is linked' });
    await heading.waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    const text = await contentText(page);
    expect(occurrences(text, 'linked')).toBe(1);
    expect(text).toContain('WhatsApp account: +20 10 12345678 (Ann)');
    expect(text).toContain('keeps checking this number from the tray');
    expect(await page.locator('#content').getByRole('button').allTextContents()).toEqual(['Done']);
    expect(await page.locator('.login-status').textContent()).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
  });

  it('a wrong number is a warning with both numbers; the list shows it; "Keep this number" resolves it', async () => {
    app = await launchApp();
    const { page } = app;
    const { instanceId } = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
    await linkWith(app, instanceId, 'Shop', '201099999999');
    await page.getByRole('heading', { level: 1, name: '“Shop” linked a different number' }).waitFor();
    const alert = page.getByRole('alert');
    expect((await alert.innerText()).replace(/\s+/g, ' ')).toBe(
      'Linked +20 10 99999999 (Ann) Expected +20 10 12345678',
    );
    expect(await page.locator('.result-panel.ok').count()).toBe(0);
    for (const name of ['Log out this number', 'Keep this number'])
      expect(await page.getByRole('button', { name }).count()).toBe(1);

    await page.getByRole('button', { name: 'Back' }).click();
    const row = page.locator('li.instance', { hasText: 'Shop' });
    await row.locator('.badge', { hasText: 'Wrong number' }).waitFor();
    expect(await row.locator('.instance-detail').textContent()).toBe(
      '+20 10 99999999 (Ann) is linked; +20 10 12345678 was expected',
    );
    await page.getByRole('button', { name: 'Resolve: Shop' }).click();
    await page.getByRole('button', { name: 'Keep this number' }).click();
    await page.getByRole('heading', { level: 1, name: '“Shop” is linked' }).waitFor();
    const saved = (await app.handlers.channels['instances:list']()).find((i) => i.id === instanceId);
    expect(saved?.expectedPhone).toBe('201099999999');
    expect(app.sim.snapshot(instanceId)?.status).toBe('WORKING');
    await page.getByRole('button', { name: 'Done' }).click();
    await row.locator('.badge', { hasText: 'Linked' }).waitFor();
  });

  it('"Log out this number" logs it out and shows a new code', async () => {
    app = await launchApp();
    const { page } = app;
    const { instanceId } = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
    await linkWith(app, instanceId, 'Shop', '201099999999');
    await page.getByRole('button', { name: 'Log out this number' }).click();
    const fresh = await waitForQr(page);
    expect(app.sim.snapshot(instanceId)?.me).toBeNull();
    expect(fresh).toBe(app.sim.snapshot(instanceId)?.qr?.value);
    expect(invokes(app, 'login:relink')).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'Link “Shop”' }).waitFor();
  });
});

describe('Link again', () => {
  it('confirms first (Escape backs out), then logs the number out and shows a new code', async () => {
    app = await launchApp();
    const { page } = app;
    const { instanceId } = await app.seedInstance({ label: 'Shop' });
    await linkWith(app, instanceId, 'Shop', '201012345678');
    await page.getByRole('button', { name: 'Done' }).click();
    const again = page.getByRole('button', { name: 'Link again: Shop' });
    await again.click();
    const dialog = page.getByRole('dialog', { name: 'Link “Shop” again?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      '+20 10 12345678 (Ann) is logged out of this instance first',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(app.sim.snapshot(instanceId)?.status).toBe('WORKING');
    expect(invokes(app, 'login:relink')).toBe(0);

    await again.click();
    await dialog.getByRole('button', { name: 'Log out and link again' }).press('Enter');
    const fresh = await waitForQr(page);
    expect(fresh).toBe(app.sim.snapshot(instanceId)?.qr?.value);
    expect(app.sim.snapshot(instanceId)?.me).toBeNull();
    expect(invokes(app, 'login:relink')).toBe(1);
  });
});
