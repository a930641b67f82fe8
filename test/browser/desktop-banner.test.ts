/**
 * The in-app fallback for a notification the OS refused, in the real renderer: main pushes a
 * `desktop:banner`, the window shows it as a status message naming the instance, and its Link again button
 * opens that instance's login view; Dismiss removes it. A repeated push does not stack banners.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('desktop banner', () => {
  it('shows a refused "Link again" notification in the window and leads to the login view', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Sales' });
    const { page } = app;
    await page.getByRole('button', { name: 'Link: Sales' }).waitFor();
    await app.push('desktop:banner', { kind: 'relink', instanceId, label: 'Sales' });
    await app.push('desktop:banner', { kind: 'relink', instanceId, label: 'Sales' });
    const banner = page.getByRole('status').filter({ hasText: 'Sales needs linking again' });
    await banner.waitFor();
    expect(await banner.count()).toBe(1);
    await banner.getByRole('button', { name: 'Link again' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => page.locator('.view').first().getAttribute('class')).toContain('login');
    expect(app.ipcLog.some((r) => r.kind === 'invoke' && r.channel === 'login:start')).toBe(true);
    expect(app.cspViolations).toEqual([]);
    expect(app.leaks()).toEqual([]);
  });

  it('can be dismissed', async () => {
    app = await launchApp();
    await app.push('desktop:banner', { kind: 'relink', instanceId: 'AAAABBBBCCCC', label: 'Support' });
    const banner = app.page.getByRole('status').filter({ hasText: 'Support needs linking again' });
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.count()).toBe(0);
  });
});
