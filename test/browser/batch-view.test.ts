/**
 * Batch linking in real Chromium over the real handlers, engine and simulator: phones one after another with
 * decoded QR codes, one session at a time, Skip, failures with why, the wrong-number stop, the summary, a
 * keyboard-only run and what the live region announces.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  announcements,
  axeViolations,
  focusedText,
  recordAnnouncements,
  watchActiveSessions,
} from './batch-helpers';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const label = (a: LaunchedApp) => a.page.locator('.batch-label');

describe('batch linking', () => {
  it('links one, skips one, records a wrong token, and sums it up; one session polls at a time', async () => {
    app = await launchApp();
    const { page } = app;
    const front = await app.seedInstance({ label: 'Front desk', expectedPhone: '201012345678' });
    const store = await app.seedInstance({ label: 'Warehouse' });
    const old = await app.seedInstance({ label: 'Old token', savedToken: `bad-${crypto.randomUUID()}` });
    const ids = [front.instanceId, store.instanceId, old.instanceId];
    const active = watchActiveSessions(app, ids);
    for (const name of ['Front desk', 'Warehouse', 'Old token'])
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    expect(await axeViolations(page)).toEqual([]);
    await recordAnnouncements(page);
    await page.getByRole('button', { name: 'Link selected (3)' }).click();

    await expect.poll(() => label(app!).textContent()).toBe('Front desk');
    const first = await waitForQr(page);
    expect(first).toBe(app.sim.snapshot(front.instanceId)?.qr?.value);
    expect(await page.locator('.batch-progress').textContent()).toBe('0 of 3 linked · Phone 1 of 3');
    expect(await axeViolations(page)).toEqual([]);
    expect(app.sim.scan(front.instanceId, { value: first, phone: '201012345678', pushName: 'Ann' })).toEqual({
      ok: true,
    });
    await page.getByText('Front desk is linked as +20 10 12345678 (Ann).').waitFor();

    // Moves on by itself after the confirmation.
    await expect.poll(() => label(app!).textContent(), { timeout: 10_000 }).toBe('Warehouse');
    const second = await waitForQr(page);
    expect(second).toBe(app.sim.snapshot(store.instanceId)?.qr?.value);
    expect(second).not.toBe(first);
    await page.getByRole('button', { name: 'Skip' }).click();

    await page.locator('.batch-summary').waitFor();
    expect(await page.locator('.batch-summary-line').textContent()).toBe('1 linked, 1 skipped, 1 failed.');
    const failed = page.locator('.batch-group', { hasText: 'Failed (1)' });
    expect(await failed.textContent()).toContain('Old token — The access token was refused');
    expect(await page.locator('.batch-group', { hasText: 'Skipped (1)' }).textContent()).toContain(
      'Warehouse',
    );
    expect(await page.locator('.batch-group', { hasText: 'Linked (1)' }).textContent()).toContain(
      'Front desk — +20 10 12345678 (Ann)',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(active.stop()).toBe(1);

    expect(await announcements(page)).toEqual([
      'Phone 1 of 3: Front desk. Scan the code with this phone.',
      'Front desk linked as +20 10 12345678 (Ann). Next phone in a few seconds.',
      'Phone 2 of 3: Warehouse. Scan the code with this phone.',
      'Skipped Warehouse. Phone 3 of 3: Old token. Scan the code with this phone.',
      'Old token failed: The access token was refused. Done: 1 linked, 1 skipped, 1 failed.',
    ]);
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('a wrong number stops the queue: log it out and scan with the right phone, or keep it', async () => {
    app = await launchApp();
    const { page } = app;
    const a = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
    const b = await app.seedInstance({ label: 'Cafe', expectedPhone: '201011111111' });
    await page.getByRole('button', { name: 'Link all that need it' }).click();

    const first = await waitForQr(page);
    app.sim.scan(a.instanceId, { value: first, phone: '201099999999', pushName: 'Bob' });
    await page.getByRole('heading', { name: 'This is not the expected number' }).waitFor();
    expect(await page.locator('.warning').textContent()).toBe(
      'Shop linked to +20 10 99999999 (Bob), not to +20 10 12345678.',
    );
    expect(await focusedText(page)).toBe('Log out this number');
    expect(await axeViolations(page)).toEqual([]);
    expect(app.handlers.manager.isActive(b.instanceId)).toBe(false);
    await page.keyboard.press('Enter');

    // Logged out: a fresh code for the same phone.
    const again = await waitForQr(page);
    expect(await label(app).textContent()).toBe('Shop');
    expect(again).toBe(app.sim.snapshot(a.instanceId)?.qr?.value);
    expect(app.sim.snapshot(a.instanceId)?.me ?? null).toBeNull();
    app.sim.scan(a.instanceId, { value: again, phone: '201012345678', pushName: 'Ann' });
    await page.getByText('Shop is linked as +20 10 12345678 (Ann).').waitFor();
    await page.getByRole('button', { name: 'Next phone' }).click();

    await expect.poll(() => label(app!).textContent()).toBe('Cafe');
    const third = await waitForQr(page);
    app.sim.scan(b.instanceId, { value: third, phone: '201099999999', pushName: 'Bob' });
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.locator('.batch-summary').waitFor();
    expect(await page.locator('.batch-summary-line').textContent()).toBe('2 linked, 0 skipped, 0 failed.');
    expect(await page.locator('.batch-group', { hasText: 'Linked (2)' }).textContent()).toContain(
      'Cafe — +20 10 99999999 (Bob) — not the expected number',
    );
  });

  it('runs from the keyboard alone: Space skips, Escape pauses, Enter resumes and continues', async () => {
    app = await launchApp();
    const { page } = app;
    await app.seedInstance({ label: 'One' });
    const two = await app.seedInstance({ label: 'Two' });
    await app.seedInstance({ label: 'Linked already', status: 'WORKING' });
    await expect.poll(() => page.getByRole('checkbox').count()).toBe(3);
    await page.getByRole('checkbox', { name: 'Select One' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Select One' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Link all that need it' }).focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => label(app!).textContent()).toBe('One');
    await expect.poll(() => focusedText(page)).toBe('Skip');
    await page.keyboard.press('Space');
    await expect.poll(() => label(app!).textContent()).toBe('Two');
    await expect.poll(() => focusedText(page)).toBe('Skip');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Paused' }).waitFor();
    await expect.poll(() => app!.handlers.manager.isActive(two.instanceId)).toBe(false);
    expect(await focusedText(page)).toBe('Resume');
    await page.keyboard.press('Enter');
    const code = await waitForQr(page);
    app.sim.scan(two.instanceId, { value: code, phone: '201012345678' });
    await expect.poll(() => focusedText(page)).toBe('Next phone');
    await page.keyboard.press('Enter');
    await page.locator('.batch-summary').waitFor();
    expect(await page.locator('.batch-summary-line').textContent()).toBe('2 linked, 1 skipped, 0 failed.');
    expect(await focusedText(page)).toBe('Done');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    expect(await app.handlers.channels['batch:get']()).toBeNull();
  });

  it('the tray action opens the batch of all that need linking; leaving the view pauses it', async () => {
    app = await launchApp();
    const { page } = app;
    const only = await app.seedInstance({ label: 'Tray phone' });
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    await app.push('navigate', { view: 'batch' });
    await expect.poll(() => label(app!).textContent()).toBe('Tray phone');
    await waitForQr(page);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(async () => (await app!.handlers.channels['batch:get']())?.phase).toBe('paused');
    expect(app.handlers.manager.isActive(only.instanceId)).toBe(false);
  });
});
