import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWawpClient } from '../../main/wawp/client';
import { QR_MAX_BYTES } from '../../main/wawp/qr-payload';
import type { WawpClient } from '../../main/wawp/types';
import { seedDemo, startSimulator, type RunningSimulator } from '../../simulator/index';

let sim: RunningSimulator;
let client: WawpClient;
let id: string;

beforeAll(async () => {
  sim = await startSimulator({ statusWaitMs: 0, bootDelayMs: 0 });
  const demo = seedDemo(sim);
  id = sim.addInstance(demo.token, { status: 'SCAN_QR_CODE' });
  client = createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: demo.token });
});
afterEach(() => sim.clearFaults());
afterAll(async () => {
  await sim.close();
});

const MIME = 'application/json; charset=utf-8';
const envelope = (data: string, mimetype = MIME) => JSON.stringify({ mimetype, data });
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const serve = (rawBody: string) => sim.injectFault({ endpoint: 'auth/qr', rawBody });

describe('QR payload variants over HTTP', () => {
  it('reads the simulator payload with expiry in seconds and in milliseconds', async () => {
    const current = sim.snapshot(id)?.qr;
    const inSeconds = await client.getQr();
    expect(inSeconds).toMatchObject({ ok: true, data: { value: current?.value } });
    sim.config.expiryUnit = 'ms';
    expect(await client.getQr()).toMatchObject({
      ok: true,
      data: { value: current?.value, expiresAt: current?.expiresAt },
    });
    sim.config.expiryUnit = 's';
  });

  it.each([
    ['URL-safe alphabet', (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_')],
    ['no padding', (s: string) => s.replace(/=+$/, '')],
    ['line breaks', (s: string) => s.replace(/(.{1,60})/g, '$1\n')],
  ])('accepts %s', async (_name, transform) => {
    const value = '2@??>>~~abc,KEY+/=,K2,K3';
    serve(envelope(transform(b64(JSON.stringify({ value, expiry: 1_900_000_000 })))));
    expect(await client.getQr()).toMatchObject({ ok: true, data: { value, expiresAt: 1_900_000_000_000 } });
  });

  it('accepts a bare value string (no JSON, no expiry), including the wa.me form', async () => {
    const value = 'https://wa.me/settings/linked_devices#2@abc,def,ghi,jkl';
    serve(envelope(b64(value)));
    expect(await client.getQr()).toMatchObject({ ok: true, data: { value, expiresAt: null } });
  });

  it.each([
    ['an empty value', envelope(b64('{"value":"","expiry":1900000000}')), /empty/],
    ['binary bytes', envelope(Buffer.from([0, 159, 146, 150, 255]).toString('base64')), /binary|not text/],
    [
      'a value too long for a QR code',
      envelope(b64(JSON.stringify({ value: 'x'.repeat(QR_MAX_BYTES + 1) }))),
      /too long/,
    ],
    ['an oversize payload', envelope('QUFB'.repeat(20_000)), /oversize/],
    ['an image envelope', envelope(b64('png'), 'image/png'), /image\/png/],
    ['garbage base64', envelope('%%%'), /not base64/],
  ])('rejects %s with bad_response', async (_name, body, detail) => {
    serve(body);
    const out = await client.getQr();
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('bad_response');
      expect(out.error.detail).toMatch(detail);
      expect(out.error.message).toMatch(/^127\.0\.0\.1:\d+ sent a reply this app cannot read\.$/);
    }
  });

  it('calls a reply without data not a Wawp API', async () => {
    serve(JSON.stringify({ mimetype: MIME }));
    expect(await client.getQr()).toMatchObject({ ok: false, error: { code: 'not_wawp' } });
  });
});

describe('other reply variants', () => {
  it('dashes an undashed pairing code and rejects a malformed one', async () => {
    sim.injectFault({ endpoint: 'auth/request-code', rawBody: '{"code":"abcd1234"}' });
    expect(await client.requestCode('201145202826')).toMatchObject({ ok: true, data: { code: 'ABCD-1234' } });
    sim.injectFault({ endpoint: 'auth/request-code', rawBody: '{"code":"12"}' });
    expect(await client.requestCode('201145202826')).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
  });

  it('prefixes a bare base64 PNG and rejects a non-image', async () => {
    sim.injectFault({ endpoint: 'auth/qr-image', rawBody: '{"qr":"iVBORw0KGgo="}' });
    expect(await client.getQrImage()).toMatchObject({
      ok: true,
      data: { dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    });
    sim.injectFault({ endpoint: 'auth/qr-image', rawBody: '{"qr":"javascript:alert(1)"}' });
    expect(await client.getQrImage()).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('keeps unknown statuses as OTHER with the raw string, and me as null when absent', async () => {
    sim.injectFault({ endpoint: 'session/info', rawBody: '{"name":"n","status":"PASSKEY_REQUIRED"}' });
    expect(await client.sessionInfo()).toMatchObject({
      ok: true,
      data: { status: 'OTHER', rawStatus: 'PASSKEY_REQUIRED', me: null },
    });
    sim.injectFault({ endpoint: 'session/me', rawBody: 'null' });
    expect(await client.me()).toMatchObject({ ok: true, data: null });
    sim.injectFault({ endpoint: 'session/me', rawBody: '' });
    expect(await client.me()).toMatchObject({ ok: true, data: null });
    sim.injectFault({ endpoint: 'session/me', rawBody: '{"pushName":"no id"}' });
    expect(await client.me()).toMatchObject({ ok: false, error: { code: 'not_wawp' } });
  });

  it('reports the server Date so callers can estimate clock skew', async () => {
    const skewed = await startSimulator({ clockOffsetMs: -7_200_000 });
    try {
      const { token, instanceId } = seedDemo(skewed);
      const out = await createWawpClient({
        baseUrl: skewed.baseUrl,
        instanceId,
        accessToken: token,
      }).sessionInfo();
      expect(out.ok).toBe(true);
      if (out.ok) expect((out.serverDate ?? 0) - out.receivedAt).toBeLessThan(-7_000_000);
    } finally {
      await skewed.close();
    }
  });
});
