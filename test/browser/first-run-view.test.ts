/**
 * First run and the instance manager in real Chromium: the empty state offers the demo next to "Add instance",
 * the demo walks QR → rotation → linked with "Simulate scan", and the add/edit form validates as the user types,
 * checks with the server on save, keeps the token write-only, and removal asks first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('first run and instance manager', () => {
  it('with no instances, offers "Try the demo" next to "Add instance"; the demo rotates codes and links on "Simulate scan"', async () => {
    app = await launchApp({ simulator: { qrFirstTtlMs: 3_000 } });
    const { page } = app;
    await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add instance' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    const first = await waitForQr(page);
    const second = await waitForQr(page, first);
    expect(second).not.toBe(first);
    await page.getByRole('button', { name: 'Simulate scan' }).click();
    await page.getByRole('heading', { name: '“Demo (built-in simulator)” is linked' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Demo (built-in simulator)').waitFor();
    await expect.poll(() => page.locator('.badge').first().textContent()).toContain('Linked');
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('adds an instance through the form: id checked as typed, token write-only and never shown again', async () => {
    app = await launchApp();
    const { page } = app;
    const token = `tok-${crypto.randomUUID()}`;
    app.tokens.add(token);
    const instanceId = app.sim.addInstance(token);
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByLabel('Name').fill('Sales line');
    const id = page.getByLabel('Instance id');
    await id.pressSequentially('3eb0_');
    await expect.poll(() => id.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/^Only letters A–Z and digits 0–9/).count()).toBe(1);
    await id.fill('');
    await id.pressSequentially(instanceId.toLowerCase());
    expect(await id.inputValue()).toBe(instanceId);
    await expect.poll(() => id.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Access token').fill(token);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(app.sim.baseUrl);
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.locator('.notice').getByText('Saved “Sales line”: Wawp knows it. Status: Stopped.').waitFor();
    await page.getByRole('heading', { name: 'Sales line' }).waitFor();
    expect(await app.domLeaks()).toEqual([]);

    await page.getByRole('button', { name: 'Edit: Sales line' }).click();
    const tokenField = page.getByLabel('Access token');
    expect(await tokenField.inputValue()).toBe('');
    expect(await page.getByText(/^A token is stored in /).count()).toBe(1);
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('removes an instance only after confirming; Escape cancels', async () => {
    app = await launchApp();
    await app.seedInstance({ label: 'Old line' });
    const { page } = app;
    await page.getByRole('button', { name: 'Remove: Old line' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await app.handlers.channels['instances:list']()).length).toBe(1);
    await page.getByRole('button', { name: 'Remove: Old line' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).press('Enter');
    await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();
  });

  it('opens the view main asks for (navigate push)', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Pushed' });
    await app.push('navigate', { view: 'pairing', instanceId });
    await app.page.getByLabel('Phone number of the WhatsApp account').waitFor();
    await app.push('navigate', { view: 'settings' });
    await app.page.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  it('settings toggle preferences through main and say where tokens live', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const hidden = page.getByRole('switch', { name: 'Start hidden in the tray' });
    const before = (await app.handlers.channels['settings:get']()).preferences.startHidden;
    expect(await hidden.isChecked()).toBe(before);
    await hidden.press('Space');
    await expect
      .poll(async () => (await app!.handlers.channels['settings:get']()).preferences.startHidden)
      .toBe(!before);
    await page.getByText('Saved.').waitFor();
    expect(await page.getByText(/^New tokens are stored in /).count()).toBe(1);
    expect(await page.locator('[data-state]').getAttribute('data-state')).toBe(
      (await app.handlers.channels['settings:get']()).keychain.state,
    );
  });
});
