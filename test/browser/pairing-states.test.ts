/**
 * Pairing by phone number, every stage told truly, by keyboard alone and as a screen reader hears it: before
 * a request, while it runs, after a failure ("Get a code" again, its reason said once, focus on the button), the
 * code (spelled out once), and expired (readable, not copyable, said once). The phone steps name both phones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { hasFocus, recordAnnouncements } from './a11y-helpers';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const status = (a: LaunchedApp): Promise<string | null> => a.page.locator('.login-status').textContent();

async function openPairing(): Promise<{ instanceId: string; heard: () => Promise<string[]> }> {
  app = await launchApp({ open: false, simulator: { qrFirstTtlMs: 60_000 } });
  // A page clock the test can move: pairing codes live ~160 s.
  await app.page.clock.install();
  await app.open();
  const { instanceId } = await app.seedInstance({ label: 'Pair' });
  const { page } = app;
  await page.getByRole('button', { name: 'Link: Pair' }).click();
  await waitForQr(page);
  const ears = await recordAnnouncements(page);
  // Keyboard only: Tab to "Use phone number instead", Enter; focus lands in the phone field.
  await page.getByRole('button', { name: 'Use phone number instead' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => hasFocus(page, 'input[type="tel"]')).toBe(true);
  return { instanceId, heard: async () => (await ears.heard()).map((h) => h.text) };
}

describe('pairing states', () => {
  it('before, during and after: the status line and the button say what is true; the code is spelled out once', async () => {
    const { instanceId, heard } = await openPairing();
    const { page } = app!;
    expect(await status(app!)).toBe('Enter the phone number of the WhatsApp account to get a pairing code.');
    expect(await page.getByRole('button', { name: 'Get a code' }).count()).toBe(1);

    app!.sim.injectFault({ endpoint: 'auth/request-code', latencyMs: 1_000 });
    await page.keyboard.type('+20 101 234 5678');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(app!)).toBe('Getting a pairing code…');
    expect(await page.getByRole('button', { name: 'Getting a code…' }).isDisabled()).toBe(true);

    await page.locator('output.pairing-code').waitFor({ timeout: 20_000 });
    const code = app!.sim.snapshot(instanceId)!.pairingCode!;
    await expect.poll(() => status(app!)).toBe('Type the pairing code on your phone.');
    expect(await page.getByRole('button', { name: 'Get another code' }).count()).toBe(1);
    await expect.poll(() => hasFocus(page, '.pairing-result button')).toBe(true);
    const spelled = `Your pairing code is ${code.slice(0, 4).split('').join(' ')}, ${code.slice(5).split('').join(' ')}.`;
    await expect.poll(heard).toContain(spelled);
    await page.waitForTimeout(1_500);
    const said = await heard();
    expect(said.filter((s) => s === spelled)).toHaveLength(1);
    expect(said.filter((s) => s === 'Type the pairing code on your phone.')).toHaveLength(1);
    expect(said.some((s) => /Valid for about/.test(s))).toBe(false);
    // Keyboard: Enter on the focused Copy button copies the code.
    await page.keyboard.press('Enter');
    await expect.poll(() => app!.clipboard.at(-1)).toBe(code);
  });

  it('after a failure: its reason said once, "Get a code" again with the focus on it, and a retry works', async () => {
    const { heard } = await openPairing();
    const { page } = app!;
    app!.sim.injectFault({ endpoint: 'auth/request-code', status: 500 });
    await page.keyboard.type('+20 101 234 5678');
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: 'Get a code' });
    await expect.poll(() => status(app!)).not.toBe('Getting a pairing code…');
    await button.waitFor();
    const reason = (await status(app!)) ?? '';
    expect(reason).not.toMatch(/type the pairing code/i);
    expect(reason.length).toBeGreaterThan(10);
    await expect.poll(() => hasFocus(page, '.pairing-panel button[type="submit"]')).toBe(true);
    await page.waitForTimeout(500);
    expect((await heard()).filter((s) => s === reason)).toHaveLength(1);
    expect(await page.getByRole('button', { name: 'Get another code' }).count()).toBe(0);

    await page.keyboard.press('Enter');
    await page.locator('output.pairing-code').waitFor({ timeout: 20_000 });
    await expect.poll(() => status(app!)).toBe('Type the pairing code on your phone.');
  });

  it('expired: still readable (contrast ≥ 4.5:1), no longer copyable, status updated and said once', async () => {
    const { heard } = await openPairing();
    const { page } = app!;
    await page.keyboard.type('+20 101 234 5678');
    await page.keyboard.press('Enter');
    const output = page.locator('output.pairing-code');
    await output.waitFor({ timeout: 20_000 });
    const shown = await output.textContent();
    await page.clock.fastForward('02:45');
    const expired = 'The pairing code expired. Get a new code to try again.';
    await expect.poll(() => status(app!)).toBe(expired);
    expect(await output.textContent()).toBe(shown);
    expect(await page.getByRole('status', { name: 'Expired pairing code' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy code' }).count()).toBe(0);
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('output')).userSelect")).toBe(
      'none',
    );
    await expect.poll(() => hasFocus(page, '.pairing-panel button[type="submit"]')).toBe(true);
    expect(await page.getByRole('button', { name: 'Get a new code' }).count()).toBe(1);
    const contrast = await new AxeBuilder({ page })
      .include('.pairing-result')
      .withRules(['color-contrast'])
      .analyze();
    expect(contrast.violations).toEqual([]);
    expect(contrast.passes.length).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect((await heard()).filter((s) => s === expired)).toHaveLength(1);
  });

  it('the phone steps are right for Android (⋮ menu) and iPhone (Settings), scanning and pairing alike', async () => {
    await openPairing();
    const { page } = app!;
    const steps = page.locator('.login-steps');
    const android = 'Android: tap ⋮ (More options), then Linked devices.';
    const iphone = 'iPhone: tap Settings, then Linked devices.';
    await expect.poll(() => steps.textContent()).toContain('Link with phone number instead');
    expect(await steps.textContent()).toContain(android);
    expect(await steps.textContent()).toContain(iphone);
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    await expect.poll(() => steps.textContent()).toContain('Point the phone at this screen.');
    expect(await steps.textContent()).toContain(android);
    expect(await steps.textContent()).toContain(iphone);
  });
});
