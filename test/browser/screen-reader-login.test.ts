/**
 * What a screen reader hears in the login view over the real engine and simulator: an error once (not from
 * the status line, heading and card each), a retry banner once per problem and never its countdown, and a
 * link once (by the focus landing on the result).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasFocus, recordAnnouncements, type Heard } from './a11y-helpers';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const saying = (heard: Heard[], pattern: RegExp): Heard[] => heard.filter((h) => pattern.test(h.text));

describe('screen readers in the login view', () => {
  it('a wrong token is said once, and the focus is on the action that fixes it', async () => {
    app = await launchApp();
    await app.seedInstance({ label: 'Wrong', savedToken: `bad-${crypto.randomUUID()}` });
    const ears = await recordAnnouncements(app.page);
    await app.page.getByRole('button', { name: 'Link: Wrong' }).click();
    await app.page.getByRole('button', { name: 'Re-enter token' }).waitFor();
    await expect.poll(() => hasFocus(app!.page, '[data-error] .btn-primary')).toBe(true);
    await app.page.waitForTimeout(1_500);
    const heard = await ears.heard();
    expect(saying(heard, /refused/i)).toHaveLength(1);
  });

  it('a retry banner is said once per problem, its countdown never', async () => {
    app = await launchApp();
    await app.seedInstance({ label: 'Flaky' });
    const ears = await recordAnnouncements(app.page);
    await app.page.getByRole('button', { name: 'Link: Flaky' }).click();
    await waitForQr(app.page);
    app.sim.injectFault({ endpoint: '*', status: 502, times: 4 });
    const problem = app.page.locator('[data-error="upstream_error"]');
    await problem.waitFor({ timeout: 20_000 });
    // Several retries and countdown ticks go by.
    await app.page.waitForTimeout(3_000);
    const heard = await ears.heard();
    expect(saying(heard, /WhatsApp's side of Wawp is down/)).toHaveLength(1);
    expect(saying(heard, /Trying again in \d+ s/)).toEqual([]);
    await problem.waitFor({ state: 'detached', timeout: 40_000 });
  }, 90_000);

  it('a link is said once and the focus moves to the result', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Shop' });
    const ears = await recordAnnouncements(app.page);
    await app.page.getByRole('button', { name: 'Link: Shop' }).click();
    const value = await waitForQr(app.page);
    app.sim.scan(instanceId, { value, phone: '201012345678', pushName: 'Ann' });
    await app.page.getByRole('heading', { name: /is linked$/ }).waitFor();
    // Said by the focus landing on the result's heading, not by a live region as well.
    await expect.poll(() => hasFocus(app!.page, 'h1')).toBe(true);
    expect(await app.page.locator('h1').textContent()).toBe('“Shop” is linked');
    await app.page.waitForTimeout(1_000);
    const heard = await ears.heard();
    expect(saying(heard, /is linked/i)).toEqual([]);
    expect(saying(heard, /^New code/).length).toBeGreaterThanOrEqual(1);
  });
});
