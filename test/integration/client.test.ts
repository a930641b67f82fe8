import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWawpClient } from '../../main/wawp/client';
import type { CredentialsPlacement, WawpClient } from '../../main/wawp/types';
import { startSimulator, type RunningSimulator } from '../../simulator/index';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ statusWaitMs: 0, bootDelayMs: 0, postScanDelayMs: 0 });
});
afterAll(async () => {
  await sim.close();
});

/** Waits until the simulator reaches `status` (boot and post-scan delays are 0 ms here). */
async function until(id: string, status: string): Promise<void> {
  for (let i = 0; i < 200 && sim.snapshot(id)?.status !== status; i++)
    await new Promise((r) => setTimeout(r, 5));
  expect(sim.snapshot(id)?.status).toBe(status);
}

describe.each<CredentialsPlacement>(['query', 'body'])(
  'client against the simulator (credentials in %s)',
  (credentialsIn) => {
    const token = `tok-${credentialsIn}`;
    let id: string;
    let client: WawpClient;
    beforeAll(() => {
      id = sim.addInstance(token);
      client = createWawpClient({
        baseUrl: `${sim.baseUrl}/`,
        instanceId: id,
        accessToken: token,
        credentialsIn,
      });
    });

    it('runs the whole QR login: start, info, qr, qr-image, scan, me', async () => {
      const started = await client.start();
      expect(started).toMatchObject({
        ok: true,
        data: { status: 'STARTING', rawStatus: 'STARTING', me: null },
      });
      await until(id, 'SCAN_QR_CODE');
      const info = await client.sessionInfo();
      expect(info).toMatchObject({
        ok: true,
        data: { status: 'SCAN_QR_CODE', name: expect.stringMatching(/^wawp-/) as unknown },
      });
      const qr = await client.getQr();
      const snap = sim.snapshot(id);
      expect(qr.ok && qr.data.value).toBe(snap?.qr?.value);
      // expiry arrives in whole seconds by default: floor(expiresAt / 1000) * 1000
      expect(qr.ok && qr.data.expiresAt).toBe(Math.floor((snap?.qr?.expiresAt ?? 0) / 1000) * 1000);
      if (qr.ok) {
        expect(typeof qr.serverDate).toBe('number');
        expect(qr.receivedAt).toBeGreaterThan(0);
      }
      const image = await client.getQrImage();
      expect(image.ok && image.data.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
      expect(sim.scan(id, { value: snap?.qr?.value, phone: '201012345678', pushName: 'Zed' })).toEqual({
        ok: true,
      });
      await until(id, 'WORKING');
      expect(await client.me()).toMatchObject({
        ok: true,
        data: { id: '201012345678@c.us', pushName: 'Zed' },
      });
      expect(await client.sessionInfo()).toMatchObject({
        ok: true,
        data: { status: 'WORKING', me: { pushName: 'Zed' } },
      });
    });

    it('stops, restarts, logs out and pairs by code', async () => {
      expect(await client.stop()).toMatchObject({ ok: true, data: { status: 'STOPPED' } });
      expect(await client.me()).toMatchObject({ ok: true, data: null });
      expect(await client.restart()).toMatchObject({ ok: true, data: { status: 'STARTING' } });
      await until(id, 'WORKING');
      expect(await client.logout()).toMatchObject({ ok: true, data: { status: 'SCAN_QR_CODE' } });
      await until(id, 'SCAN_QR_CODE');
      const code = await client.requestCode('201145202826');
      expect(code.ok && code.data.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(sim.enterCode(id, code.ok ? code.data.code : '')).toEqual({ ok: true });
      await until(id, 'WORKING');
      expect(sim.requestCount('auth/request-code')).toBeGreaterThan(0);
    });
  },
);

describe('query placement follows the docs', () => {
  it('sends credentials in the query and other fields in a JSON body', async () => {
    const seen: { url: string; method: string; body: string }[] = [];
    const spy: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      const body = typeof init?.body === 'string' ? init.body : '';
      seen.push({ url, method: init?.method ?? 'GET', body });
      return fetch(input, init);
    };
    const id = sim.addInstance('tok-spy', { status: 'SCAN_QR_CODE' });
    const q = createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: 'tok-spy', fetch: spy });
    await q.getQr();
    await q.requestCode('201145202826');
    await q.me();
    // `format=raw` in both places: the docs' URL has it in the query, their samples in the body.
    expect(seen[0]?.url).toBe(`${sim.baseUrl}/v2/auth/qr?format=raw&instance_id=${id}&access_token=tok-spy`);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"format":"raw"}' });
    expect(seen[1]?.body).toBe('{"phone_number":"201145202826"}');
    expect(seen[2]).toMatchObject({ method: 'GET', body: '' });
    const b = createWawpClient({
      baseUrl: sim.baseUrl,
      instanceId: id,
      accessToken: 'tok-spy',
      fetch: spy,
      credentialsIn: 'body',
    });
    await b.me();
    expect(seen[3]?.url).toBe(`${sim.baseUrl}/v2/session/me`);
    expect(JSON.parse(seen[3]?.body ?? '{}')).toEqual({ instance_id: id, access_token: 'tok-spy' });
  });
});
