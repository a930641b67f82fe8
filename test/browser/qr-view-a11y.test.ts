/**
 * The QR view as every user gets it, in real Chromium over the real engine and simulator: Enlarge fits the
 * window at each size and zoom (and is off without a code), the actions stay in view at 800×600, the code's
 * place keeps its size between codes, and a screen reader hears each new code once and never the countdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasFocus, recordAnnouncements } from './a11y-helpers';
import { launchApp, type LaunchedApp } from './harness';
import { readQrOnScreen, waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const WINDOWS = [
  { width: 800, height: 600, zoom: 1 },
  { width: 960, height: 720, zoom: 1 },
  { width: 1280, height: 800, zoom: 1 },
  { width: 1280, height: 800, zoom: 2 },
  { width: 800, height: 600, zoom: 2 },
];

async function openQr(
  label: string,
  options: Parameters<typeof launchApp>[0] = {},
): Promise<{ page: LaunchedApp['page']; instanceId: string; first: string }> {
  app = await launchApp(options);
  const { instanceId } = await app.seedInstance({ label });
  await app.page.getByRole('button', { name: `Link: ${label}` }).click();
  const first = await waitForQr(app.page);
  return { page: app.page, instanceId, first };
}

describe('QR view: sizes, Enlarge and screen readers', () => {
  for (const size of WINDOWS) {
    it(`at ${size.width}×${size.height}, ${size.zoom * 100}% zoom: the actions are in view and Enlarge fits the window, by keyboard`, async () => {
      const { page, instanceId } = await openQr('Sizes', {
        viewport: { width: size.width, height: size.height },
        zoom: size.zoom,
        simulator: { qrFirstTtlMs: 60_000 },
      });
      const { width, height } = page.viewportSize()!;
      const enlarge = page.getByRole('button', { name: 'Enlarge' });
      if (size.zoom === 1) {
        // At 100% the whole code and its actions are visible without scrolling.
        const box = (await enlarge.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        const code = (await page.locator('canvas.qr-canvas').boundingBox())!;
        expect(code.y + code.height).toBeLessThanOrEqual(height);
      }
      await enlarge.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'QR code, enlarged' });
      await dialog.waitFor();
      const shrink = page.getByRole('button', { name: 'Make smaller' });
      await expect.poll(() => hasFocus(page, '.qr-dialog .btn')).toBe(true);
      const code = (await page.locator('canvas.qr-canvas').boundingBox())!;
      expect(code.x).toBeGreaterThanOrEqual(0);
      expect(code.y).toBeGreaterThanOrEqual(0);
      expect(code.x + code.width).toBeLessThanOrEqual(width);
      const shrinkBox = (await shrink.boundingBox())!;
      expect(shrinkBox.y + shrinkBox.height).toBeLessThanOrEqual(height);
      // It uses the window: at least 60% of its shorter side, and still decodes.
      expect(code.width).toBeGreaterThanOrEqual(0.6 * Math.min(width, height) - 80);
      expect(await readQrOnScreen(page)).toBe(app!.sim.snapshot(instanceId)?.qr?.value);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => hasFocus(page, '.qr-panel [aria-haspopup="dialog"]')).toBe(true);
    });
  }

  it('without a code Enlarge is off, and between codes the code keeps its place and size with "Getting a new code…"', async () => {
    const { page, first } = await openQr('Gap', { simulator: { qrFirstTtlMs: 3_000, qrNextTtlMs: 3_000 } });
    const enlarge = page.getByRole('button', { name: 'Enlarge' });
    expect(await enlarge.isEnabled()).toBe(true);
    const frame = page.locator('.qr-frame');
    const withCode = (await frame.boundingBox())!;
    // The next code is late: the shown one expires and nothing replaces it for a while.
    app!.sim.injectFault({ endpoint: 'auth/qr', latencyMs: 4_000, times: Infinity });
    const canvas = page.getByRole('img', { name: 'Getting a new code…' });
    await canvas.waitFor({ timeout: 10_000 });
    expect(await enlarge.isDisabled()).toBe(true);
    expect(await page.getByText('Getting a new code…', { exact: true }).isVisible()).toBe(true);
    expect(await readQrOnScreen(page)).toBeNull();
    const between = (await frame.boundingBox())!;
    expect(between.width).toBe(withCode.width);
    expect(between.height).toBe(withCode.height);
    expect(between.y).toBe(withCode.y);
    // A disabled Enlarge is not a keyboard stop and opens nothing.
    await enlarge.click({ force: true });
    expect(await page.getByRole('dialog').count()).toBe(0);
    await waitForQr(page, first, 20_000);
    expect(await enlarge.isEnabled()).toBe(true);
  });

  it('describes the code by position and points to pairing by phone number; no code text to copy', async () => {
    const { page } = await openQr('Describe');
    const label = (await page.locator('.qr-frame').getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^QR code to link WhatsApp, code 1 of about \d+\./);
    expect(label).toContain('“Use phone number instead”');
    expect(await page.getByRole('button', { name: 'Use phone number instead' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /copy/i }).count()).toBe(0);
    const tree = await page.locator('.qr-panel').ariaSnapshot();
    expect(tree).toContain('img "QR code to link WhatsApp, code 1 of about');
    expect(tree).toMatch(/Code 1 of ~\d+/);
  });

  it('a screen reader hears each new code once ("New code, expires in N seconds") and never the countdown', async () => {
    app = await launchApp({ simulator: { qrFirstTtlMs: 4_000, qrNextTtlMs: 4_000 } });
    await app.seedInstance({ label: 'Voice' });
    const { page } = app;
    const ears = await recordAnnouncements(page);
    await page.getByRole('button', { name: 'Link: Voice' }).click();
    const newCodes = async (): Promise<string[]> =>
      (await ears.heard()).filter((h) => h.text.startsWith('New code')).map((h) => h.text);
    let previous: string | null = null;
    for (let code = 1; code <= 3; code += 1) {
      previous = await waitForQr(page, previous);
      // Heard once per code, after the countdown ticked a few times.
      await page.waitForTimeout(1_200);
      const said = await newCodes();
      expect(said.length).toBe(code);
      expect(said.at(-1)).toMatch(/^New code, expires in \d+ seconds$/);
    }
    const heard = await ears.heard();
    expect(heard.some((h) => /Expires in|\d+ s$/.test(h.text))).toBe(false);
    expect(heard.every((h) => h.live === 'polite')).toBe(true);
  });
});
