/**
 * Server trouble and errors in the login view, driven as a user would: one state names the host with one
 * countdown and Retry now / Edit server / Stop; every error is a title, one sentence and its action, said
 * once (one alert, an empty status line), with HTTP codes and raw text only behind a collapsed "Details".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { closedPort, contentText, focused, invokes, occurrences, waitForQr } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Saves an instance whose server refuses every connection. */
async function downInstance(a: LaunchedApp, label: string): Promise<{ instanceId: string; host: string }> {
  const port = await closedPort();
  const { instanceId } = await a.seedInstance({ label });
  const saved = await a.handlers.channels['instances:save']({
    id: instanceId,
    label,
    baseUrl: `http://127.0.0.1:${port}`,
    expectedPhone: null,
  });
  expect(saved.ok).toBe(true);
  return { instanceId, host: `127.0.0.1:${port}` };
}

describe('server trouble has a way out', () => {
  it('a refused server: one state naming the host, one countdown, Retry now / Edit server / Stop', async () => {
    app = await launchApp();
    const { page } = app;
    const { host } = await downInstance(app, 'Down');
    await page.getByRole('button', { name: 'Link: Down' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(`Can't reach ${host}`).waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(1);
    await page.getByText(/^Trying again( in \d+ s|…)$/).waitFor();
    expect(await page.getByText(/Trying again/).count()).toBe(1);
    for (const name of ['Retry now', 'Edit server', 'Stop'])
      expect(await page.getByRole('button', { name }).count()).toBe(1);
    await expect.poll(async () => (await focused(page)).name).toBe('Retry now');
    const text = await contentText(page);
    expect(text).not.toMatch(/internet connection|fetch failed|HTTP|Starting the WhatsApp session/i);
    expect(occurrences(text, `Can't reach ${host}`)).toBe(1);
    expect(await page.locator('.login-status').isHidden()).toBe(true);

    // The engine keeps retrying: the countdown restarts in place and the alert is not announced again.
    await page.evaluate("document.querySelector('[role=alert]').setAttribute('data-seen', 'yes')");
    const errors = (): number => app!.pushes('login:event').filter((p) => p.event.type === 'error').length;
    const before = errors();
    await expect.poll(errors, { timeout: 20_000 }).toBeGreaterThan(before);
    expect(await page.locator('[role="alert"][data-seen="yes"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Retry now' }).press('Enter');
    await expect.poll(() => invokes(app!, 'login:stop')).toBeGreaterThan(0);
    await alert.getByText(`Can't reach ${host}`).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('heading', { name: 'The login was stopped.' }).waitFor();
    expect(await page.getByText(/Trying again/).count()).toBe(0);
  }, 90_000);

  it('"Edit server" opens the form on the server address', async () => {
    app = await launchApp();
    const { host } = await downInstance(app, 'Moved');
    await app.page.getByRole('button', { name: 'Link: Moved' }).click();
    await app.page.getByRole('button', { name: 'Edit server' }).click({ timeout: 20_000 });
    const url = app.page.getByLabel('API base URL');
    await expect.poll(async () => (await focused(app!.page)).id).toBe(await url.getAttribute('id'));
    expect(await url.inputValue()).toBe(`http://${host}`);
  });

  it('a server that does not answer like Wawp is named as such, with Edit server and a collapsed Details', async () => {
    app = await launchApp({ simulator: { bootDelayMs: 60_000 } });
    const { instanceId } = await app.seedInstance({ label: 'Odd' });
    await app.page.getByRole('button', { name: 'Link: Odd' }).click();
    await app.page.getByText('Waiting for a code…').waitFor();
    const detail = 'HTTP 200: <html><title>Welcome to nginx</title>';
    await app.push('login:event', {
      instanceId,
      event: { type: 'error', code: 'not_wawp', message: 'x', fatal: true, host: 'example.test', detail },
    });
    await app.page.getByRole('alert').getByText('example.test is not a Wawp API').waitFor();
    expect(await app.page.getByRole('button', { name: 'Edit server' }).count()).toBe(1);
    const details = app.page.locator('details.problem-details');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.getByText(detail).isVisible()).toBe(false);
    expect(await contentText(app.page)).not.toContain('HTTP 200');
    await details.getByText('Details').click();
    expect(await details.getByText(detail).isVisible()).toBe(true);
  });

  it('a real server answering 501 pages is named as not a Wawp API, and the app stops on it', async () => {
    app = await launchApp();
    await app.seedInstance({ label: 'Not Wawp' });
    app.sim.injectFault({ endpoint: '*', status: 501, body: 'html', times: Infinity });
    await app.page.getByRole('button', { name: 'Link: Not Wawp' }).click();
    const host = new URL(app.sim.baseUrl).host;
    await app.page.getByRole('alert').getByText(`${host} is not a Wawp API`).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await focused(app!.page)).name).toBe('Edit server');
    expect(await app.page.getByText(/Trying again/).count()).toBe(0);
    expect(await contentText(app.page)).not.toMatch(/501|Not Implemented|<html/i);
  });

  it('a wrong token says so once, with no HTTP code, and focus on "Re-enter token"', async () => {
    app = await launchApp();
    const wrong = `bad-${crypto.randomUUID()}`;
    await app.seedInstance({ label: 'Wrong', savedToken: wrong });
    await app.page.getByRole('button', { name: 'Link: Wrong' }).click();
    await app.page.getByRole('button', { name: 'Re-enter token' }).waitFor();
    await expect.poll(async () => (await focused(app!.page)).name).toBe('Re-enter token');
    const text = await contentText(app.page);
    expect(occurrences(text, 'refused')).toBe(1);
    expect(occurrences(text, 'access token')).toBeLessThanOrEqual(2); // the title, and the sentence names it
    expect(text).not.toMatch(/401|HTTP|Invalid access_token/);
    expect(await app.page.getByRole('alert').count()).toBe(1);
    expect(await app.page.locator('.login-status').textContent()).toBe('');
    expect(app.leaks()).toEqual([]);
  });

  it('a problem while a code is on screen shows one banner with its countdown, gone when codes come back', async () => {
    app = await launchApp();
    await app.seedInstance({ label: 'Flaky' });
    await app.page.getByRole('button', { name: 'Link: Flaky' }).click();
    await waitForQr(app.page);
    app.sim.injectFault({ endpoint: '*', status: 502, times: 4 });
    const problem = app.page.locator('[data-error="upstream_error"]');
    await problem.getByText(/^Trying again( in \d+ s|…)$/).waitFor({ timeout: 20_000 });
    expect(await problem.getByText("WhatsApp's side of Wawp is down").count()).toBe(1);
    expect(await contentText(app.page)).not.toMatch(/502|Bad Gateway|Try again in a moment/);
    await problem.waitFor({ state: 'detached', timeout: 40_000 });
    await waitForQr(app.page);
  }, 90_000);
});
