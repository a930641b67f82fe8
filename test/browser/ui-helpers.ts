/** Helpers for the renderer's UI tests and screenshots: read the QR on screen as a phone would. */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { IpcRecord } from './harness';

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

/** A loopback port nothing listens on (a server that refuses every connection). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The text a person sees in `selector` (default: the main content, not the header), whitespace collapsed;
 * what a closed <details> holds is left out (it is not seen until opened).
 */
export async function contentText(page: Page, selector = '#content'): Promise<string> {
  const text = await page.evaluate<string>(`(() => {
    const copy = document.querySelector(${JSON.stringify(selector)}).cloneNode(true);
    for (const closed of copy.querySelectorAll('details:not([open])'))
      for (const child of [...closed.childNodes]) if (child.nodeName !== 'SUMMARY') child.remove();
    document.body.appendChild(copy);
    const seen = copy.innerText;
    copy.remove();
    return seen;
  })()`);
  return text.replace(/\s+/g, ' ').trim();
}

/** Counts non-overlapping, case-insensitive occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.toLowerCase().split(needle.toLowerCase()).length - 1;
}

/** What has keyboard focus: its role-ish tag, accessible name (aria-label or text) and id. */
export async function focused(page: Page): Promise<{ tag: string; name: string; id: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', name: '', id: '' };
    return { tag: el.tagName.toLowerCase(), name: (el.getAttribute('aria-label') || el.textContent || '').trim(), id: el.id };
  })()`);
}

/** How many times the renderer invoked `channel`. */
export function invokes(app: { ipcLog: IpcRecord[] }, channel: string): number {
  return app.ipcLog.filter((r) => r.kind === 'invoke' && r.channel === channel).length;
}
