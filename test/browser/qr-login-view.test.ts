/**
 * The login view in real Chromium over the real handlers, engine and simulator: the QR on screen decodes to the
 * simulator's current code (and to the next one after a rotation), is drawn dark on white with a quiet zone at a
 * scannable size, and a scan leads to the linked screen. (Enlarge, sizes and screen readers: qr-view-a11y.)
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('QR login view', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the simulator's current code, then the next one after a rotation (${colorScheme})`, async () => {
      app = await launchApp({ colorScheme });
      const { instanceId } = await app.seedInstance({ label: 'Sales line' });
      await app.page.getByRole('button', { name: 'Link: Sales line' }).click();

      const first = await waitForQr(app.page);
      expect(first).toBe(app.sim.snapshot(instanceId)?.qr?.value);
      await expect.poll(() => app!.page.locator('.qr-index').textContent()).toMatch(/^Code 1 of ~\d+$/);
      await expect.poll(() => app!.page.locator('.qr-countdown').textContent()).toMatch(/^Expires in \d+ s$/);

      const second = await waitForQr(app.page, first);
      expect(second).toBe(app.sim.snapshot(instanceId)?.qr?.value);
      await expect.poll(() => app!.page.locator('.qr-index').textContent()).toMatch(/^Code 2 of ~\d+$/);
    });
  }

  it('draws dark modules on white with a 4-module quiet zone, at least 264 px, in dark mode too', async () => {
    app = await launchApp({ colorScheme: 'dark' });
    await app.seedInstance({ label: 'Dark' });
    await app.page.getByRole('button', { name: 'Link: Dark' }).click();
    await waitForQr(app.page);
    const png = PNG.sync.read(await app.page.locator('canvas.qr-canvas').screenshot());
    expect(png.width).toBeGreaterThanOrEqual(264);
    const at = (x: number, y: number): number[] => {
      const i = (y * png.width + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(found).not.toBeNull();
    const topLeft = found!.location.topLeftFinderPattern;
    // Finder centre is 3.5 modules from the symbol's edge; estimate the module size from two finder centres.
    const module = (found!.location.topRightFinderPattern.x - topLeft.x) / (found!.version * 4 + 17 - 7);
    const symbolLeft = topLeft.x - 3.5 * module;
    expect(symbolLeft / module).toBeGreaterThanOrEqual(3.5);
    // The whole quiet zone row above the symbol is white.
    const quietRow = Math.floor((topLeft.y - 3.5 * module) / 2);
    // (1 px is left at each edge: the element screenshot may catch a sliver of the frame around the canvas.)
    for (let x = 1; x < png.width - 1; x += 3) expect(at(x, quietRow)).toEqual([255, 255, 255]);
    expect(at(Math.round(topLeft.x), Math.round(topLeft.y))).toEqual([0, 0, 0]);
  });

  it('a scan leads to the linked screen, with the wrong-number warning when it is not the expected number', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
    await app.page.getByRole('button', { name: 'Link: Shop' }).click();
    const value = await waitForQr(app.page);
    expect(app.sim.scan(instanceId, { value, phone: '201099999999', pushName: 'Ann' })).toEqual({ ok: true });
    await app.page.getByRole('heading', { name: '“Shop” linked a different number' }).waitFor();
    await expect.poll(() => app!.page.getByRole('alert').textContent()).toContain('+20 10 99999999 (Ann)');
    expect(await app.page.locator('canvas.qr-canvas').count()).toBe(0);
  });

  it('links the expected number without a warning', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Right', expectedPhone: '201012345678' });
    await app.page.getByRole('button', { name: 'Link: Right' }).click();
    const value = await waitForQr(app.page);
    app.sim.scan(instanceId, { value, phone: '201012345678', pushName: 'Ann' });
    await app.page.getByRole('heading', { name: '“Right” is linked' }).waitFor();
    expect(await app.page.locator('.linked-as').textContent()).toBe(
      'WhatsApp account: +20 10 12345678 (Ann)',
    );
    expect(await app.page.locator('[data-state="wrong-number"]').count()).toBe(0);
  });
});
