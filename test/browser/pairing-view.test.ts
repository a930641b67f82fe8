/**
 * Pairing by phone number in real Chromium over the real engine and simulator: the phone is validated before
 * any request, one request per attempt, and the simulator's code is shown as ABCD-1234, left-to-right and
 * isolated, with a Copy button and a countdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('pairing code view', () => {
  it('validates the phone, sends one request per attempt and shows the code large with copy and countdown', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Pair' });
    const { page } = app;
    await page.getByRole('button', { name: 'Link: Pair' }).click();
    await waitForQr(page);
    await page.getByRole('button', { name: 'Use phone number instead' }).click();
    const phone = page.getByLabel('Phone number of the WhatsApp account');
    await phone.fill('12');
    await page.getByRole('button', { name: 'Get a code' }).click();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(app.sim.requestCount('auth/request-code')).toBe(0);

    await phone.fill('+20 101 234 5678');
    // A slow answer keeps the request pending: the button is disabled and a second Enter sends nothing.
    app.sim.injectFault({ endpoint: 'auth/request-code', latencyMs: 1_500 });
    await phone.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Getting a code…' }).isDisabled()).toBe(true);
    await phone.press('Enter');
    const code = page.locator('output.pairing-code');
    await code.waitFor({ timeout: 20_000 });
    const asks = app.ipcLog.filter((r) => r.kind === 'invoke' && r.channel === 'login:pairing-code');
    expect(asks.length).toBe(1);
    const expected = app.sim.snapshot(instanceId)?.pairingCode ?? '';
    const shown = (await code.textContent()) ?? '';
    expect(shown).toBe(`\u2068${expected}\u2069`);
    expect(expected).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await code.getAttribute('dir')).toBe('ltr');
    expect(await page.getByText(/^Valid for about \d+ s$/).count()).toBe(1);
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => app!.clipboard.at(-1)).toBe(expected);
  });
});
