/**
 * `npm run screenshots`: drives the real built app (browser harness: real preload, handlers, engine and
 * simulator) through its main states and writes PNGs to docs/screenshots/ for the README.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { closedPort, waitForQr } from './ui-helpers';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORT = { width: 960, height: 680 };
/** Real-life code lifetimes so the countdown reads like the real thing. */
const SIMULATOR = { qrFirstTtlMs: 60_000, qrNextTtlMs: 20_000 };

async function shot(app: LaunchedApp, name: string): Promise<void> {
  await app.page.mouse.move(0, 0);
  await app.page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`wrote docs/screenshots/${name}.png`);
}

async function mainStates(colorScheme: 'light' | 'dark'): Promise<void> {
  const suffix = colorScheme === 'dark' ? '-dark' : '';
  const app = await launchApp({ viewport: VIEWPORT, colorScheme, simulator: SIMULATOR });
  const { page } = app;
  try {
    await page.getByRole('heading', { name: 'Link your first WhatsApp number' }).waitFor();
    if (!suffix) await shot(app, 'empty');

    const support = await app.seedInstance({ label: 'Support desk', expectedPhone: '201012345678' });
    await app.seedInstance({ label: 'Sales line' });
    await page.getByRole('button', { name: 'Link: Support desk' }).click();
    const value = await waitForQr(page);
    app.sim.scan(support.instanceId, { value, phone: '201012345678', pushName: 'Ann' });
    await page.getByRole('heading', { name: '“Support desk” is linked' }).waitFor();
    await shot(app, `linked${suffix}`);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Link: Sales line' }).click();
    await waitForQr(page);
    await page.getByText(/^Expires in \d+ s$/).waitFor();
    await shot(app, `qr${suffix}`);

    await page.getByRole('button', { name: 'Use phone number instead' }).click();
    await page.getByLabel('Phone number of the WhatsApp account').fill('+20 101 234 5678');
    await page.getByRole('button', { name: 'Get a code' }).click();
    await page.locator('output.pairing-code').waitFor();
    await page.getByRole('button', { name: 'Copy code' }).blur();
    await shot(app, `pairing-code${suffix}`);

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    await page.locator('.badge-ok').waitFor();
    await shot(app, `instances${suffix}`);

    const broken = await app.seedInstance({ label: 'Old token' });
    await app.handlers.channels['instances:save']({
      id: broken.instanceId,
      label: 'Old token',
      baseUrl: app.sim.baseUrl,
      expectedPhone: null,
      token: 'expired-token-0000',
    });
    await page.getByRole('button', { name: 'Link: Old token' }).click();
    await page.getByRole('button', { name: 'Re-enter token' }).waitFor();
    await shot(app, `error${suffix}`);
    await troubleStates(app, suffix);
  } finally {
    await app.close();
  }
}

/** "Send a link to the phone's owner" with a fresh 30-minute link. */
async function remoteLinkStates(colorScheme: 'light' | 'dark'): Promise<void> {
  const app = await launchApp({ viewport: { width: 960, height: 860 }, colorScheme, simulator: SIMULATOR });
  try {
    await app.seedInstance({ label: 'Cairo branch', expectedPhone: '201012345678' });
    await app.page.getByRole('button', { name: 'Link: Cairo branch' }).click();
    await app.page.getByRole('button', { name: "Send a link to the phone's owner" }).click();
    await app.page.getByLabel('Link for the phone’s owner').waitFor();
    await app.page.getByText(/^Works for \d+ min \d+ s more$/).waitFor();
    await shot(app, `remote-link${colorScheme === 'dark' ? '-dark' : ''}`);
  } finally {
    await app.close();
  }
}

/** A server that refuses connections, and a different number than expected. */
async function troubleStates(app: LaunchedApp, suffix: string): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Back' }).click();
  const down = await app.seedInstance({ label: 'Self-hosted' });
  await app.handlers.channels['instances:save']({
    id: down.instanceId,
    label: 'Self-hosted',
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    expectedPhone: null,
  });
  await page.getByRole('button', { name: 'Link: Self-hosted' }).click();
  await page.getByRole('button', { name: 'Retry now' }).waitFor({ timeout: 20_000 });
  await page.getByText(/^Trying again in \d+ s$/).waitFor();
  await shot(app, `server-down${suffix}`);

  await page.getByRole('button', { name: 'Back' }).click();
  const shop = await app.seedInstance({ label: 'Shop', expectedPhone: '201012345678' });
  await page.getByRole('button', { name: 'Link: Shop' }).click();
  const value = await waitForQr(page);
  app.sim.scan(shop.instanceId, { value, phone: '201099999999', pushName: 'Bob' });
  await page.getByRole('button', { name: 'Keep this number' }).waitFor();
  await page.mouse.move(0, 0);
  await shot(app, `wrong-number${suffix}`);

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Add instance' }).click();
  await page.getByLabel('Name').fill('New line');
  await page.getByLabel('Instance id').focus();
  await page.keyboard.insertText(' 3eb0-bcb2-e3d4 ');
  await page.getByLabel('Access token').fill('tok-screenshot-only');
  await page.getByText('Advanced').click();
  await page.getByLabel('API base URL').fill(`https://127.0.0.1:${await closedPort()}`);
  await page.getByRole('button', { name: 'Add instance' }).click();
  await page.getByRole('button', { name: 'Save anyway' }).waitFor();
  await shot(app, `form-check${suffix}`);
}

/** Batch linking: the second phone of four, its label large above the code, and the end summary. */
async function batchStates(colorScheme: 'light' | 'dark'): Promise<void> {
  const suffix = colorScheme === 'dark' ? '-dark' : '';
  const app = await launchApp({ viewport: VIEWPORT, colorScheme, simulator: SIMULATOR });
  const { page } = app;
  try {
    const front = await app.seedInstance({ label: 'Front desk' });
    await app.seedInstance({ label: 'Warehouse' });
    await app.seedInstance({ label: 'Delivery van' });
    await app.seedInstance({ label: 'Old token', savedToken: 'expired-token-0000' });
    await page.getByRole('button', { name: 'Link all that need it' }).click();
    const first = await waitForQr(page);
    app.sim.scan(front.instanceId, { value: first, phone: '201012345678', pushName: 'Ann' });
    await page.getByRole('button', { name: 'Next phone' }).click();
    await waitForQr(page, first);
    await page.getByText(/^Expires in \d+ s$/).waitFor();
    await page.getByRole('button', { name: 'Skip' }).blur();
    await shot(app, `batch${suffix}`);
    if (suffix) return;
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('.batch-label', { hasText: 'Delivery van' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.locator('.batch-summary').waitFor();
    await shot(app, 'batch-summary');
  } finally {
    await app.close();
  }
}

mkdirSync(OUT, { recursive: true });
/** The QR at the smallest supported window, enlarged, between codes; an expired pairing code; settings. */
async function smallWindowStates(): Promise<void> {
  const app = await launchApp({
    open: false,
    viewport: { width: 800, height: 600 },
    simulator: { qrFirstTtlMs: 6_000, qrNextTtlMs: 20_000 },
  });
  const { page } = app;
  try {
    await page.clock.install();
    await app.open();
    await app.seedInstance({ label: 'Sales line' });
    await page.getByRole('button', { name: 'Link: Sales line' }).click();
    const first = await waitForQr(page);
    await shot(app, 'qr-800x600');
    await page.getByRole('button', { name: 'Enlarge' }).click();
    await shot(app, 'qr-enlarged');
    await page.getByRole('button', { name: 'Make smaller' }).click();
    app.sim.injectFault({ endpoint: 'auth/qr', latencyMs: 6_000 });
    await page.getByRole('img', { name: 'Getting a new code…' }).waitFor({ timeout: 15_000 });
    await shot(app, 'qr-between-codes');
    await waitForQr(page, first, 20_000);
    await page.getByRole('button', { name: 'Use phone number instead' }).click();
    await page.getByLabel('Phone number of the WhatsApp account').fill('+20 101 234 5678');
    await page.getByRole('button', { name: 'Get a code' }).click();
    await page.locator('output.pairing-code').waitFor();
    await page.clock.fastForward('02:45');
    await page.getByText('Expired pairing code').waitFor();
    await shot(app, 'pairing-expired');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('switch').first().waitFor();
    await shot(app, 'settings');
  } finally {
    await app.close();
  }
}
const only = process.argv[2];
if (!only || only === 'main') {
  await mainStates('light');
  await mainStates('dark');
  await smallWindowStates();
}
if (!only || only === 'batch') {
  await batchStates('light');
  await batchStates('dark');
}
if (!only || only === 'remote-link') {
  await remoteLinkStates('light');
  await remoteLinkStates('dark');
}
