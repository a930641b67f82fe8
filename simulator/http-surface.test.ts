import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo, startSimulator, type RunningSimulator } from './index';

let sim: RunningSimulator;
let token: string;
let id: string;
beforeEach(async () => {
  sim = await startSimulator({ timeScale: 0.01, statusWaitMs: 0, bootDelayMs: 0 });
  ({ token, instanceId: id } = seedDemo(sim));
});
afterEach(async () => {
  await sim.close();
});

async function req(path: string, init: RequestInit = {}) {
  const res = await fetch(`${sim.baseUrl}${path}`, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { res, text, json: json as Record<string, unknown> };
}
const post = (path: string, body: unknown, type = 'application/json') =>
  req(path, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('validation order (wawp-api.md §6.5)', () => {
  it('treats form-encoded bodies as no params', async () => {
    const r = await post(
      '/v2/session/info',
      `instance_id=${id}&access_token=${token}`,
      'application/x-www-form-urlencoded',
    );
    expect(r.res.status).toBe(401);
    expect(r.json).toEqual({ code: 'invalid_access_token', message: 'Missing access_token' });
  });

  it('checks token, then instance_id, then ownership, then faults, then state', async () => {
    sim.injectFault({ endpoint: 'auth/qr', status: 500 });
    expect((await post('/v2/auth/qr', { instance_id: id })).res.status).toBe(401);
    expect((await post('/v2/auth/qr', { access_token: 'wrong', instance_id: id })).json.code).toBe(
      'invalid_access_token',
    );
    expect((await post('/v2/auth/qr', { access_token: token })).json.code).toBe('missing_parameters');
    const other = sim.addInstance('other-token');
    expect((await post('/v2/auth/qr', { access_token: token, instance_id: other })).res.status).toBe(404);
    expect((await post('/v2/auth/qr', { access_token: token, instance_id: 'NOPE00000000' })).json.code).toBe(
      'invalid_instance',
    );
    expect((await post('/v2/auth/qr', { access_token: token, instance_id: id })).res.status).toBe(500);
    expect((await post('/v2/auth/qr', { access_token: token, instance_id: id })).res.status).toBe(422);
  });

  it('lets the query win over the body and accepts header credentials', async () => {
    const r = await post(`/v2/session/info?access_token=${token}`, {
      access_token: 'wrong',
      instance_id: id,
    });
    expect(r.res.status).toBe(200);
    const h = await req('/v2/session/info', {
      headers: { Authorization: `Bearer ${token}`, 'X-Instance-ID': id },
    });
    expect(h.json.status).toBe('STOPPED');
  });

  it('validates phone_number on request-code', async () => {
    const q = `?instance_id=${id}&access_token=${token}`;
    expect((await post(`/v2/auth/request-code${q}`, {})).json.code).toBe('missing_parameters');
    expect((await post(`/v2/auth/request-code${q}`, { phone_number: '+20 114' })).json.code).toBe(
      'invalid_phone_number',
    );
  });

  it('answers 405 with Allow for a wrong method and 404 for unknown paths', async () => {
    const r = await req(`/v2/auth/request-code?instance_id=${id}&access_token=${token}`);
    expect(r.res.status).toBe(405);
    expect(r.res.headers.get('allow')).toBe('POST');
    expect((await req('/v2/nothing/here')).res.status).toBe(404);
    expect((await req('/elsewhere')).res.status).toBe(404);
  });

  it('creates and deletes instances owned by the token', async () => {
    const created = await post(`/v2/session/create?access_token=${token}`, {});
    const newId = String(created.json.instance_id);
    expect(newId).toMatch(/^[0-9A-F]{12}$/);
    expect(created.json).toMatchObject({
      status: 'STOPPED',
      session_name: expect.stringMatching(/^wawp-\d{8}$/) as unknown,
    });
    const del = await req(`/v2/session/delete?instance_id=${newId}&access_token=${token}`, {
      method: 'DELETE',
    });
    expect(del.json).toMatchObject({ status: 'DELETED', instance_id: newId });
    expect((await post(`/v2/session/info?instance_id=${newId}&access_token=${token}`, {})).res.status).toBe(
      404,
    );
  });
});

describe('QR endpoints', () => {
  it('serve the same current value as raw payload and as a real PNG, never cached', async () => {
    sim.config.timeScale = 1;
    const q = `?instance_id=${id}&access_token=${token}`;
    await post(`/v2/session/start${q}`, {});
    await new Promise((r) => setTimeout(r, 20));
    const raw = await post(`/v2/auth/qr${q}`, { format: 'raw' });
    expect(raw.res.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate, max-age=0');
    expect(raw.json.mimetype).toBe('application/json; charset=utf-8');
    const { value } = JSON.parse(Buffer.from(String(raw.json.data), 'base64').toString()) as {
      value: string;
    };
    expect(value).toBe(sim.snapshot(id)?.qr?.value);
    const img = await post(`/v2/auth/qr-image${q}`, {});
    expect(img.res.headers.get('pragma')).toBe('no-cache');
    const dataUrl = String(img.json.qr);
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(value);
    const info = await post(`/v2/session/info${q}`, {});
    expect(info.json).toMatchObject({
      status: 'SCAN_QR_CODE',
      me: null,
      qr: expect.stringMatching(/^data:image\/png/) as unknown,
    });
  });
});

describe('fault injection', () => {
  const q = () => `?instance_id=${id}&access_token=${token}`;

  it('renders JSON, HTML, XML and text bodies with Retry-After, counted down per request', async () => {
    sim.injectFault({ endpoint: 'session/info', status: 429, body: 'json', retryAfter: '5' });
    sim.injectFault({ endpoint: 'session/info', status: 502, body: 'html' });
    sim.injectFault({ endpoint: '*', status: 400, body: 'xml' });
    sim.injectFault({ endpoint: 'session/info', status: 503, body: 'text', times: 2 });
    const a = await post(`/v2/session/info${q()}`, {});
    expect([a.res.status, a.res.headers.get('retry-after'), a.json.code]).toEqual([429, '5', 'rate_limited']);
    const b = await post(`/v2/session/info${q()}`, {});
    expect([b.res.status, b.res.headers.get('content-type')]).toEqual([502, 'text/html; charset=utf-8']);
    const c = await post(`/v2/session/info${q()}`, {});
    expect(c.text).toMatch(/^<\?xml/);
    const d1 = await post(`/v2/session/info${q()}`, {});
    const d2 = await post(`/v2/session/info${q()}`, {});
    expect([d1.res.status, d2.res.status, d1.res.headers.get('content-type')]).toEqual([
      503,
      503,
      'text/plain; charset=utf-8',
    ]);
    expect((await post(`/v2/session/info${q()}`, {})).res.status).toBe(200);
    sim.injectFault({ endpoint: 'session/me', status: 500, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await req(`/v2/session/me${q()}`)).res.status).toBe(500);
    sim.clearFaults();
    expect((await req(`/v2/session/me${q()}`)).res.status).toBe(200);
  });

  it('hangs: no answer while later requests are answered, until the client gives up', async () => {
    sim.injectFault({ endpoint: 'session/info', hang: true });
    const controller = new AbortController();
    let settled = false;
    const hung = fetch(`${sim.baseUrl}/v2/session/info${q()}`, { signal: controller.signal }).finally(() => {
      settled = true;
    });
    while (sim.requestCount('session/info') === 0) await new Promise((r) => setTimeout(r, 5));
    expect((await post(`/v2/session/info${q()}`, {})).res.status).toBe(200);
    expect(settled).toBe(false);
    controller.abort();
    await expect(hung).rejects.toThrow();
  });

  it('close() ends a request that is still hanging', async () => {
    sim.injectFault({ endpoint: 'session/info', hang: true });
    const pending = fetch(`${sim.baseUrl}/v2/session/info${q()}`).then(
      () => 'answered',
      () => 'dropped',
    );
    while (sim.requestCount('session/info') === 0) await new Promise((r) => setTimeout(r, 5));
    await sim.close();
    expect(await pending).toBe('dropped');
    sim = await startSimulator();
  });

  it('adds latency before a normal answer', async () => {
    sim.injectFault({ endpoint: 'session/info', latencyMs: 30 });
    expect((await post(`/v2/session/info${q()}`, {})).json.status).toBe('STOPPED');
  });
});

describe('control API over HTTP', () => {
  it('seeds, scans (409 when stale), injects faults, tunes config and reports counts', async () => {
    expect((await post('/__sim/tokens', { token: 'ctl-token' })).res.status).toBe(200);
    const made = await post('/__sim/instances', { token: 'ctl-token', status: 'SCAN_QR_CODE' });
    const cid = String(made.json.instanceId);
    const snap = await req(`/__sim/instances/${cid}`);
    const value = String((snap.json.qr as { value: string }).value);
    expect((await post(`/__sim/instances/${cid}/scan`, { value: 'old-value' })).res.status).toBe(409);
    expect((await req(`/__sim/instances/${cid}`)).json.status).toBe('SCAN_QR_CODE');
    expect((await post(`/__sim/instances/${cid}/scan`, { value, phone: '15551234567' })).json).toEqual({
      ok: true,
    });
    expect((await post(`/__sim/instances/${cid}/enter-code`, { code: 'AAAA-AAAA' })).res.status).toBe(409);
    await post('/__sim/faults', { endpoint: 'session/info', status: 504, body: 'text', times: 'always' });
    const q = `?instance_id=${cid}&access_token=ctl-token`;
    expect((await post(`/v2/session/info${q}`, {})).res.status).toBe(504);
    expect((await post(`/v2/session/info${q}`, {})).res.status).toBe(504);
    await req('/__sim/faults', { method: 'DELETE' });
    expect((await post(`/v2/session/info${q}`, {})).res.status).toBe(200);
    expect((await post('/__sim/config', { expiryUnit: 'ms', bogus: 1 })).json).toMatchObject({
      expiryUnit: 'ms',
    });
    expect(sim.config.expiryUnit).toBe('ms');
    expect((await req('/__sim/requests')).json).toEqual({ 'session/info': 3 });
    await post(`/__sim/instances/${cid}/crash`, {});
    expect(sim.snapshot(cid)?.status).toBe('FAILED');
    expect((await post('/__sim/instances/NOPE/unlink', {})).res.status).toBe(404);
    expect((await post('/v2/auth/qr', {})).res.status).toBe(401);
    expect(sim.requestCount()).toBe(4);
  });
});

describe('clock offset', () => {
  it('sends a Date header from the skewed server clock', async () => {
    const skewed = await startSimulator({ clockOffsetMs: 3_600_000 });
    try {
      const res = await fetch(`${skewed.baseUrl}/v2/session/info`);
      const skew = Date.parse(res.headers.get('date') ?? '') - Date.now();
      expect(skew).toBeGreaterThan(3_500_000);
    } finally {
      await skewed.close();
    }
  });
});
