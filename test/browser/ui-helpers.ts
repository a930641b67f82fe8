/** Helpers for the renderer's UI tests and screenshots: read the QR on screen as a phone would. */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Decodes the QR code currently drawn in the login view from a screenshot (null when none is readable). */
export async function readQrOnScreen(page: Page): Promise<string | null> {
  const canvas = page.locator('canvas.qr-canvas');
  if (!(await canvas.isVisible())) return null;
  const png = PNG.sync.read(await canvas.screenshot());
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return found?.data ?? null;
}

/** Waits until the login view shows a readable code different from `previous`, and returns it. */
export async function waitForQr(
  page: Page,
  previous: string | null = null,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await readQrOnScreen(page).catch(() => null);
    if (value !== null && value !== previous) return value;
    if (Date.now() > deadline) throw new Error(`no new QR code on screen within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}
