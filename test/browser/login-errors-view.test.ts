/**
 * Errors and dead ends in the login view, through the real handlers and engine: a wrong token offers
 * "Re-enter token" (which opens the edit form on an empty token field), codes used up offer "Get a new code",
 * and a fresh cycle starts by itself when the window regains focus.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { invokes, waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The id of the element that has keyboard focus (string form: tests compile without the DOM lib). */
const focusedId = (a: LaunchedApp): Promise<unknown> =>
  a.page.evaluate('document.activeElement && document.activeElement.id');

/** Codes that run out quickly: two short-lived codes per cycle, then FAILED. */
const SHORT_CYCLE = { qrFirstTtlMs: 3_000, qrNextTtlMs: 2_500, qrCount: 2 } as const;

describe('login view errors and next actions', () => {
  it('a wrong token shows "Re-enter token", which opens the edit form with an empty token field', async () => {
    app = await launchApp();
    const { instanceId } = await app.seedInstance({ label: 'Wrong' });
    const wrong = `bad-${crypto.randomUUID()}`;
    app.tokens.add(wrong);
    const saved = await app.handlers.channels['instances:save']({
      id: instanceId,
      label: 'Wrong',
      baseUrl: app.sim.baseUrl,
      expectedPhone: null,
      token: wrong,
    });
    expect(saved.ok).toBe(true);
    await app.page.getByRole('button', { name: 'Link: Wrong' }).click();
    const action = app.page.getByRole('button', { name: 'Re-enter token' });
    await action.waitFor();
    expect(await app.page.getByRole('heading', { name: 'The access token was refused' }).count()).toBe(1);
    await action.click();
    const token = app.page.getByLabel('Access token');
    await expect.poll(() => focusedId(app!)).toBe(await token.getAttribute('id'));
    expect(await token.inputValue()).toBe('');
    expect(await token.getAttribute('type')).toBe('password');
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('an unknown instance offers "Check the instance id"', async () => {
    app = await launchApp();
    const token = `tok-${crypto.randomUUID()}`;
    app.tokens.add(token);
    app.sim.addToken(token);
    const saved = await app.handlers.channels['instances:save']({
      id: 'ABCDEF123456',
      label: 'Ghost',
      baseUrl: app.sim.baseUrl,
      expectedPhone: null,
      token,
    });
    expect(saved.ok).toBe(true);
    await app.page.getByRole('button', { name: 'Link: Ghost' }).click();
    await app.page.getByRole('button', { name: 'Check the instance id' }).click();
    const id = app.page.getByLabel('Instance id');
    await expect.poll(() => focusedId(app!)).toBe(await id.getAttribute('id'));
  });

  it('codes used up show "Get a new code", which starts a fresh cycle', async () => {
    app = await launchApp({ simulator: SHORT_CYCLE });
    const { instanceId } = await app.seedInstance({ label: 'Runs out' });
    await app.page.getByRole('button', { name: 'Link: Runs out' }).click();
    // A code was shown (read from the DOM: a screenshot decode may miss a 2 s code on a loaded machine).
    await app.page.getByText(/^Code 1 of ~\d+$/).waitFor();
    const again = app.page.getByRole('button', { name: 'Get a new code' });
    await again.waitFor({ timeout: 20_000 });
    expect(await app.page.locator('canvas.qr-canvas').count()).toBe(0);
    await again.click();
    const fresh = await waitForQr(app.page, null, 40_000);
    expect(fresh).toBe(app.sim.snapshot(instanceId)?.qr?.value);
    expect(invokes(app, 'login:restart')).toBe(1);
  }, 90_000);

  it('after the codes ran out, regaining window focus starts a fresh cycle by itself', async () => {
    app = await launchApp({ simulator: SHORT_CYCLE });
    const { instanceId } = await app.seedInstance({ label: 'Focus' });
    await app.page.getByRole('button', { name: 'Link: Focus' }).click();
    await app.page.getByRole('button', { name: 'Get a new code' }).waitFor({ timeout: 20_000 });
    expect(invokes(app, 'login:restart')).toBe(0);
    await app.page.evaluate("window.dispatchEvent(new FocusEvent('focus'))");
    const fresh = await waitForQr(app.page, null, 40_000);
    expect(fresh).toBe(app.sim.snapshot(instanceId)?.qr?.value);
    expect(invokes(app, 'login:restart')).toBe(1);
  }, 90_000);

  it('greys out a code the moment it expires, even before the engine says so', async () => {
    // The session boots slowly, so the only code on screen is the one pushed here with a 2 s life.
    app = await launchApp({ simulator: { bootDelayMs: 60_000 } });
    const { instanceId } = await app.seedInstance({ label: 'Expiry' });
    await app.page.getByRole('button', { name: 'Link: Expiry' }).click();
    await app.page.getByText('Waiting for a code…').waitFor();
    const value = 'expiring-code-' + crypto.randomUUID();
    const event = { type: 'qr' as const, value, expiresAt: Date.now() + 2_000, index: 1, expectedCount: 6 };
    await app.push('login:event', { instanceId, event });
    expect(await waitForQr(app.page)).toBe(value);
    await app.page.getByText('Getting a new code…').waitFor();
    expect(await app.page.locator('canvas.qr-canvas').isVisible()).toBe(false);
    expect(await app.page.locator('.qr-countdown').textContent()).toBe('');
  });
});
