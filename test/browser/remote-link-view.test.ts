/**
 * "Send a link to the phone's owner" in real Chromium over the real handlers, engine and simulator: the link
 * on screen is the simulator's, its QR decodes to it, Copy and the e-mail draft carry it, the remote phone
 * linking through it shows the linked screen (wrong-number check) and revokes it; a new link stops the old
 * one, Cancel and leaving revoke, an expired link says so. No token ever crosses to the renderer.
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../main/app/windows/security-policy';
import { axeViolations, recordAnnouncements } from './a11y-helpers';
import { launchApp, type LaunchedApp } from './harness';

const LINK = /^https:\/\/app\.wawp\.net\/temp-qr\/[0-9a-f]{64}$/;
let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The link shown in the field, once there is one different from `previous`. */
async function shownLink(page: Page, previous = ''): Promise<string> {
  const field = page.getByLabel('Link for the phone’s owner');
  await expect
    .poll(async () => ((await field.count()) ? field.inputValue() : ''), { timeout: 15_000 })
    .toMatch(LINK);
  await expect.poll(() => field.inputValue()).not.toBe(previous);
  return field.inputValue();
}

/** Decodes the link's QR from a screenshot, as a phone camera would. */
async function decodeLinkQr(page: Page): Promise<{ data: string | null; width: number }> {
  const png = PNG.sync.read(await page.locator('.remote-panel canvas').screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return { data: found?.data ?? null, width: png.width };
}

async function openRemoteTab(app: LaunchedApp, label: string): Promise<void> {
  await app.page.getByRole('button', { name: `Link: ${label}` }).click();
  // Keyboard only: the tab is a button; Enter picks it.
  await app.page.getByRole('button', { name: "Send a link to the phone's owner" }).focus();
  await app.page.keyboard.press('Enter');
}

describe('remote link view', () => {
  it('shows the link, its QR, Copy and an e-mail draft; linking through it shows who linked and revokes it', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Far shop', expectedPhone: '201012345678' });
    const linked: string[] = [];
    app.handlers.remoteLinks.onLinked((id, event) => linked.push(`${id}:${event.me.id}`));
    const ears = await recordAnnouncements(app.page);
    await openRemoteTab(app, 'Far shop');
    const url = await shownLink(app.page);
    await expect
      .poll(async () => (await ears.heard()).map((h) => h.text))
      .toContain('Waiting for the owner to open the link and scan…');
    expect(await axeViolations(app.page)).toEqual([]);
    expect(url).toBe(app.sim.tempLink(instanceId)?.url);
    // Focus moved to the panel's heading, so a screen reader starts there.
    await expect
      .poll(() => app!.page.locator('h2:focus').textContent())
      .toBe("Send a link to the phone's owner");

    const qr = await decodeLinkQr(app.page);
    expect(qr.data).toBe(url);
    await expect
      .poll(() => app!.page.locator('.remote-countdown').textContent())
      .toMatch(/^Works for (29|30) min \d\d s more$/);

    await app.page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => app!.clipboard).toEqual([url]);
    const href = (await app.page.getByRole('link', { name: 'E-mail the link' }).getAttribute('href'))!;
    expect(isAllowedExternalUrl(href)).toBe(true);
    expect(decodeURIComponent(href)).toContain(url);

    await expect.poll(() => app!.sim.snapshot(instanceId)?.status, { timeout: 15_000 }).toBe('SCAN_QR_CODE');
    expect(app.sim.openTempLink(url, { phone: '447700900123', pushName: 'Remote' })).toEqual({ ok: true });
    await app.page
      .getByRole('heading', { level: 1, name: '“Far shop” linked a different number' })
      .waitFor({ timeout: 15_000 });
    expect((await app.page.getByRole('alert').innerText()).replace(/\s+/g, ' ')).toBe(
      'Linked +44 7700 900123 (Remote) Expected +20 10 12345678',
    );
    await expect.poll(() => app!.sim.tempLink(instanceId)).toBeNull();
    expect(app.sim.openTempLink(url).ok).toBe(false);
    expect(app.pushes('remote-link:event').map((p) => p.event.type)).toEqual(['link', 'linked', 'revoked']);
    expect(linked).toEqual([`${instanceId}:447700900123@c.us`]);
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('a new link stops the old one; Cancel revokes; leaving the screen revokes', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Renew' });
    await openRemoteTab(app, 'Renew');
    const first = await shownLink(app.page);
    await expect
      .poll(() => app!.page.getByText('A new link stops the one you sent before from working.').count())
      .toBe(1);
    await app.page.getByRole('button', { name: 'Make a new link' }).click();
    const second = await shownLink(app.page, first);
    await expect
      .poll(() => app!.page.locator('.remote-note').textContent())
      .toBe('New link made. The link sent before no longer works.');
    expect(app.sim.tempLink(instanceId)?.url).toBe(second);
    expect(app.sim.openTempLink(first).ok).toBe(false);
    expect((await decodeLinkQr(app.page)).data).toBe(second);

    await app.page.getByRole('button', { name: 'Cancel the link' }).click();
    await expect
      .poll(() => app!.page.locator('.remote-note').textContent())
      .toBe('The link was cancelled and no longer works.');
    expect(app.sim.tempLink(instanceId)).toBeNull();
    expect(await app.page.locator('.remote-panel canvas').isVisible()).toBe(false);

    await app.page.getByRole('button', { name: 'Make a new link' }).click();
    const third = await shownLink(app.page);
    expect(third).not.toBe(second);
    await app.page.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => app!.sim.tempLink(instanceId)).toBeNull();
    expect(app.leaks()).toEqual([]);
  });

  it('an expired link says so and offers a new one; the tray opens the view directly', async () => {
    app = await launchApp({ simulator: { tempLinkTtlMs: 4_000 } });
    const { instanceId } = await app.seedInstance({ label: 'Short' });
    await app.push('navigate', { view: 'remote-link', instanceId });
    await shownLink(app.page);
    await expect
      .poll(() => app!.page.locator('.remote-note').textContent(), { timeout: 15_000 })
      .toBe('This link has expired. Make a new one to try again.');
    expect(await app.page.getByLabel('Link for the phone’s owner').count()).toBe(0);
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Make a new link' }).click();
    expect(await shownLink(app.page)).toBe(app.sim.tempLink(instanceId)?.url);
  });
});
