import { afterEach, describe, expect, it } from 'vitest';
import { createWawpClient } from '../main/wawp/client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './index';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function world(
  opts: SimulatorOptions,
  status: 'STOPPED' | 'WORKING' | 'SCAN_QR_CODE' = 'SCAN_QR_CODE',
) {
  sim = await startSimulator({ timeScale: 0.01, statusWaitMs: 0, bootDelayMs: 0, ...opts });
  const id = sim.addInstance('tok-variant', { status });
  const client = createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: 'tok-variant' });
  const raw = (path: string, query: string, body?: unknown) =>
    fetch(`${sim!.baseUrl}/v2/${path}?instance_id=${id}&access_token=tok-variant${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  return { sim, id, client, raw };
}

describe('simulator API variants', () => {
  it('qrFormatFromQuery: format read from the query only, an image by default', async () => {
    const { client, raw } = await world({ qrFormatFromQuery: true });
    const bodyOnly = (await (await raw('auth/qr', '', { format: 'raw' })).json()) as { mimetype: string };
    expect(bodyOnly.mimetype).toBe('image/png');
    const inQuery = (await (await raw('auth/qr', '&format=raw')).json()) as { mimetype: string };
    expect(inQuery.mimetype).toBe('application/json; charset=utf-8');
    // The client sends format=raw in both places, so it still gets the code.
    expect(await client.getQr()).toMatchObject({ ok: true });
  });

  it('dropSession: 404 invalid_session on every call until start or restart', async () => {
    const { sim, id, client } = await world({}, 'WORKING');
    sim.dropSession(id);
    for (const call of [client.sessionInfo(), client.getQr(), client.me()]) {
      expect(await call).toMatchObject({
        ok: false,
        error: { code: 'session_gone', serverCode: 'invalid_session' },
      });
    }
    expect(await client.restart()).toMatchObject({ ok: true, data: { status: 'STARTING' } });
    expect(await client.sessionInfo()).toMatchObject({ ok: true });
  });

  it('exceedQuota: 403 quota_exceeded for the token, gone once lifted', async () => {
    const { sim, client } = await world({});
    sim.exceedQuota('tok-variant');
    expect(await client.sessionInfo()).toMatchObject({
      ok: false,
      error: { code: 'quota_exceeded', httpStatus: 403 },
    });
    sim.exceedQuota('tok-variant', false);
    expect(await client.sessionInfo()).toMatchObject({ ok: true });
  });

  it('emptyMe: 200 with an empty body when no account is linked, read as no account yet', async () => {
    const { client, raw } = await world({ emptyMe: true });
    const res = await raw('session/me', '');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await client.me()).toMatchObject({ ok: true, data: null });
  });

  it('rateLimit: per instance and path, 429 with Retry-After once the window is full', async () => {
    const { client } = await world({ rateLimit: { max: 3, windowMs: 60_000, retryAfterS: 5 } });
    for (let i = 0; i < 3; i++) expect((await client.sessionInfo()).ok).toBe(true);
    const limited = await client.sessionInfo();
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    if (!limited.ok) expect(limited.error.retryAfterMs).toBeGreaterThanOrEqual(50);
    // Another path has its own budget.
    expect((await client.getQr()).ok).toBe(true);
  });

  it('workingFlaps: a live session reads STARTING for part of every period, WORKING otherwise', async () => {
    const { client } = await world(
      { workingFlaps: { everyMs: 4_000, durationMs: 2_000, status: 'STARTING' } },
      'WORKING',
    );
    const seen = new Set<string>();
    const until = Date.now() + 200;
    while (Date.now() < until) {
      const r = await client.sessionInfo();
      if (r.ok) seen.add(r.data.status);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect([...seen].sort()).toEqual(['STARTING', 'WORKING']);
  });
});
