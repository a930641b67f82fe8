/**
 * The instance form, driven as a user would: a pasted id is normalised (never cut off), each problem has one
 * message, focus goes to the first invalid field in visual order, saving checks id and token with the server
 * and says what it found ("Save anyway" only when the server cannot be reached), and Escape asks first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { closedPort, contentText, focused } from './ui-helpers';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Opens the add form and fills name, pasted id, token and server. */
async function fillForm(
  a: LaunchedApp,
  values: { name?: string; id?: string; token?: string; baseUrl?: string },
): Promise<void> {
  const { page } = a;
  await page.getByRole('button', { name: 'Add instance' }).click();
  if (values.name) await page.getByLabel('Name').fill(values.name);
  if (values.id) {
    await page.getByLabel('Instance id').focus();
    await page.keyboard.insertText(values.id); // what a paste does
  }
  if (values.token) await page.getByLabel('Access token').fill(values.token);
  if (values.baseUrl) {
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(values.baseUrl);
  }
}

const savedIds = async (a: LaunchedApp): Promise<string[]> =>
  (await a.handlers.channels['instances:list']()).map((i) => i.id);

describe('instance form', () => {
  it('normalises a pasted id (spaces, dashes, case) without cutting it, and saves after checking it', async () => {
    app = await launchApp();
    const { page } = app;
    const token = `tok-${crypto.randomUUID()}`;
    app.tokens.add(token);
    const instanceId = app.sim.addInstance(token);
    const pasted =
      ` ${instanceId.slice(0, 4)}-${instanceId.slice(4, 8)}-${instanceId.slice(8)} `.toLowerCase();
    await fillForm(app, { name: 'Sales', id: pasted, token, baseUrl: app.sim.baseUrl });
    const id = page.getByLabel('Instance id');
    expect(await id.inputValue()).toBe(instanceId);
    expect(await id.getAttribute('aria-invalid')).toBeNull();
    await page.getByText('Looks right.').waitFor();
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.locator('.notice').getByText('Saved “Sales”: Wawp knows it. Status: Stopped.').waitFor();
    expect(await savedIds(app)).toEqual([instanceId]);
    expect(app.leaks()).toEqual([]);
  });

  it('one message per problem, and focus goes to the first invalid field in visual order', async () => {
    app = await launchApp();
    const { page } = app;
    await fillForm(app, {});
    await page.getByLabel('Expected phone number (optional)').fill('12');
    await page.getByRole('button', { name: 'Add instance' }).click();
    const id = page.getByLabel('Instance id');
    await expect.poll(async () => (await focused(page)).id).toBe(await id.getAttribute('id'));
    const errors = await page.locator('.field-error').allTextContents();
    expect(errors.filter(Boolean)).toEqual([
      'Enter the instance id.',
      'Enter the access token.',
      'Not a valid phone number. Include the country code, like +20 101 234 5678.',
    ]);
    expect(await page.locator('.field.invalid').count()).toBe(3);
    expect(await page.getByText(/of 12 characters/).count()).toBe(0);

    await page.keyboard.insertText('3EB0BCB2E3D4');
    await page.getByRole('button', { name: 'Add instance' }).click();
    const token = page.getByLabel('Access token');
    await expect.poll(async () => (await focused(page)).id).toBe(await token.getAttribute('id'));
  });

  it('a server address is checked by the one rule, and its field is opened and focused', async () => {
    app = await launchApp();
    const { page } = app;
    await fillForm(app, { id: '3EB0BCB2E3D4', token: 'tok-x', baseUrl: 'http://api.example.com' });
    await page.getByText('Advanced').click(); // closes Advanced again
    await page.getByRole('button', { name: 'Add instance' }).click();
    const url = page.getByLabel('API base URL');
    await expect.poll(async () => (await focused(page)).id).toBe(await url.getAttribute('id'));
    expect(await page.locator('.field-error', { hasText: 'Plain http://' }).count()).toBe(1);
    expect(await savedIds(app)).toEqual([]);
  });

  it('a refused token is found on save: not saved, the problem named once, focus on the way out', async () => {
    app = await launchApp();
    const { page } = app;
    const instanceId = app.sim.addInstance(`tok-${crypto.randomUUID()}`);
    await fillForm(app, { id: instanceId, token: 'tok-wrong-1', baseUrl: app.sim.baseUrl });
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('alert').getByText('The access token was refused').waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Re-enter token');
    expect(await page.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
    expect(await contentText(page, 'form')).not.toMatch(/401|HTTP/);
    await page.keyboard.press('Enter');
    const token = page.getByLabel('Access token');
    await expect.poll(async () => (await focused(page)).id).toBe(await token.getAttribute('id'));
    expect(await savedIds(app)).toEqual([]);
  });

  it('a server that is not Wawp is found on save, with "Edit server" and no "Save anyway"', async () => {
    app = await launchApp();
    const { page } = app;
    const token = `tok-${crypto.randomUUID()}`;
    const instanceId = app.sim.addInstance(token);
    app.sim.injectFault({ endpoint: '*', status: 501, body: 'html', times: Infinity });
    await fillForm(app, { id: instanceId, token, baseUrl: app.sim.baseUrl });
    await page.getByRole('button', { name: 'Add instance' }).click();
    const host = new URL(app.sim.baseUrl).host;
    await page.getByRole('alert').getByText(`${host} is not a Wawp API`).waitFor();
    expect(await page.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit server' }).click();
    const url = page.getByLabel('API base URL');
    await expect.poll(async () => (await focused(page)).id).toBe(await url.getAttribute('id'));
    expect(await savedIds(app)).toEqual([]);
  });

  it('an unreachable server offers "Save anyway", and the list says it was not checked', async () => {
    app = await launchApp();
    const { page } = app;
    const port = await closedPort();
    await fillForm(app, {
      name: 'Later',
      id: '3EB0BCB2E3D4',
      token: 'tok-later-1',
      baseUrl: `http://127.0.0.1:${port}`,
    });
    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('alert').getByText(`Can't reach 127.0.0.1:${port}`).waitFor();
    expect(await contentText(page, 'form')).not.toMatch(/internet connection/i);
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.locator('.notice').getByText('Saved “Later” without checking it with the server.').waitFor();
    expect(await savedIds(app)).toEqual(['3EB0BCB2E3D4']);
  });

  it('Escape with unsaved changes asks first (Enter keeps editing); without changes it just leaves', async () => {
    app = await launchApp();
    const { page } = app;
    await fillForm(app, { name: 'Half done' });
    await page.keyboard.press('Escape');
    const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Keep editing');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByLabel('Name').inputValue()).toBe('Half done');
    await page.getByLabel('Name').press('Escape');
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();

    await page.getByRole('button', { name: 'Add instance' }).click();
    await page.getByLabel('Name').press('Escape');
    await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();
  });
});
