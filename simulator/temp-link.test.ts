import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, startSimulator, type ManualClock, type RunningSimulator } from './index';

let sim: RunningSimulator;
let clock: ManualClock;
let token: string;
let id: string;
const LINK = /^https:\/\/app\.wawp\.net\/temp-qr\/[0-9a-f]{64}$/;

beforeEach(async () => {
  clock = createManualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
  sim = await startSimulator({ clock, bootDelayMs: 1000, postScanDelayMs: 500, statusWaitMs: 0 });
  token = 'tl-token';
  id = sim.addInstance(token);
});
afterEach(async () => {
  await sim.close();
});

async function tempLink(method: 'GET' | 'POST' | 'DELETE' | 'PUT', who = token) {
  const q = new URLSearchParams({ instance_id: id, access_token: who });
  const res = await fetch(`${sim.baseUrl}/v2/session/temp-link?${q.toString()}`, { method });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, res };
}
async function open(link: string, body: Record<string, unknown> = {}) {
  const tokenPart = link.split('/').pop()!;
  const res = await fetch(`${sim.baseUrl}/__sim/temp-links/${tokenPart}/open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('/v2/session/temp-link', () => {
  it('GET answers {link: null} before any link exists', async () => {
    const r = await tempLink('GET');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ link: null });
    expect(r.res.headers.get('cache-control')).toContain('no-store');
  });

  it('POST issues a 30-minute link on app.wawp.net that GET then returns', async () => {
    const made = await tempLink('POST');
    expect(made.json.link).toMatch(LINK);
    expect(made.json.expires_at).toBe(Math.floor((clock.now() + 30 * 60_000) / 1000));
    expect((await tempLink('GET')).json).toEqual(made.json);
  });

  it('a second POST expires the first link', async () => {
    const first = (await tempLink('POST')).json.link as string;
    const second = (await tempLink('POST')).json.link as string;
    expect(second).not.toBe(first);
    expect((await tempLink('GET')).json.link).toBe(second);
    expect(await open(first)).toEqual({
      status: 409,
      json: { ok: false, reason: 'temp link revoked or replaced' },
    });
  });

  it('DELETE revokes the link; GET is null again', async () => {
    const link = (await tempLink('POST')).json.link as string;
    expect((await tempLink('DELETE')).json).toEqual({ revoked: true, link: null });
    expect((await tempLink('GET')).json).toEqual({ link: null });
    expect((await tempLink('DELETE')).json).toEqual({ revoked: false, link: null });
    expect((await open(link)).status).toBe(409);
  });

  it('a link dies after 30 minutes (time-scaled) and cannot be opened', async () => {
    sim.config.expiryUnit = 'ms';
    const made = await tempLink('POST');
    expect(made.json.expires_at).toBe(clock.now() + 30 * 60_000);
    clock.advance(30 * 60_000 - 1);
    expect((await tempLink('GET')).json.link).toBe(made.json.link);
    clock.advance(1);
    expect((await tempLink('GET')).json).toEqual({ link: null });
    expect(await open(made.json.link as string)).toEqual({
      status: 409,
      json: { ok: false, reason: 'temp link expired' },
    });
  });

  it('checks the token and the method like every endpoint', async () => {
    expect((await tempLink('POST', 'wrong')).status).toBe(401);
    const put = await tempLink('PUT');
    expect(put.status).toBe(405);
    expect(put.res.headers.get('allow')).toBe('GET, POST, DELETE');
  });
});

describe('the remote phone opens the link and scans', () => {
  it('links the instance when it is waiting for a scan', async () => {
    await fetch(`${sim.baseUrl}/v2/session/start?instance_id=${id}&access_token=${token}`, {
      method: 'POST',
    });
    clock.advance(1000);
    expect(sim.snapshot(id)?.status).toBe('SCAN_QR_CODE');
    const link = (await tempLink('POST')).json.link as string;
    expect(await open(link, { phone: '447700900123', pushName: 'Remote' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    clock.advance(500);
    expect(sim.snapshot(id)).toMatchObject({
      status: 'WORKING',
      me: { id: '447700900123@c.us', pushName: 'Remote' },
    });
  });

  it('is refused while the session shows no code, and for something that is not a link', async () => {
    const link = (await tempLink('POST')).json.link as string;
    expect(await open(link)).toEqual({
      status: 409,
      json: { ok: false, reason: 'not scanning (status STOPPED)' },
    });
    expect(sim.openTempLink('https://app.wawp.net/temp-qr/nope')).toEqual({
      ok: false,
      reason: 'not a temp-link token',
    });
    expect(sim.openTempLink('a'.repeat(64))).toEqual({ ok: false, reason: 'unknown temp link' });
  });

  it('the in-process handle sees the same link', async () => {
    const link = (await tempLink('POST')).json.link as string;
    expect(sim.tempLink(id)?.url).toBe(link);
  });
});
