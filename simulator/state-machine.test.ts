import { afterEach, describe, expect, it } from 'vitest';
import {
  createManualClock,
  startSimulator,
  type ManualClock,
  type RunningSimulator,
  type SimulatorOptions,
} from './index';
import { resolveConfig } from './options';
import { SimWorld } from './world';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const TOKEN = 'tok-state';

async function setup(
  opts: SimulatorOptions = {},
): Promise<{ sim: RunningSimulator; clock: ManualClock; id: string }> {
  const clock = createManualClock(1_800_000_000_000);
  sim = await startSimulator({ clock, statusWaitMs: 0, ...opts });
  const id = sim.addInstance(TOKEN);
  return { sim, clock, id };
}

async function call(s: RunningSimulator, endpoint: string, id: string, body?: unknown, method = 'POST') {
  const res = await fetch(`${s.baseUrl}/v2/${endpoint}?instance_id=${id}&access_token=${TOKEN}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> | null };
}

describe('simulator state machine (manual clock)', () => {
  it('draws each code half a lifetime (or half the boot) before issuing it, so its PNG is ready', () => {
    const clock = createManualClock(1_800_000_000_000);
    const world = new SimWorld(clock, resolveConfig({}));
    const drawn: { value: string; at: number }[] = [];
    world.onQrDrawn = (value) => drawn.push({ value, at: clock.now() });
    const inst = world.get(world.addInstance(TOKEN))!;
    const t0 = clock.now();
    world.start(inst);
    clock.advance(3_000);
    expect(drawn).toEqual([{ value: inst.qr!.value, at: t0 + 1_500 }]);
    clock.advance(30_000);
    expect(drawn[1]!.at).toBe(t0 + 33_000);
    expect(inst.qr!.value).not.toBe(drawn[1]!.value);
    clock.advance(30_000);
    expect(inst.qr!.value).toBe(drawn[1]!.value);
    world.shutdown();
  });

  it('boots STOPPED -> STARTING -> SCAN_QR_CODE after bootDelay with a 60 s first code', async () => {
    const { sim, clock, id } = await setup();
    expect((await call(sim, 'session/start', id)).json).toMatchObject({ status: 'STARTING' });
    clock.advance(2999);
    expect(sim.snapshot(id)?.status).toBe('STARTING');
    clock.advance(1);
    const snap = sim.snapshot(id);
    expect(snap?.status).toBe('SCAN_QR_CODE');
    expect(snap?.qr?.index).toBe(1);
    expect(snap?.qr?.expiresAt).toBe(clock.now() + 60_000);
  });

  it('rotates codes every 20 s after the first, then FAILED after the 6th (160 s)', async () => {
    const { sim, clock, id } = await setup({ bootDelayMs: 0 });
    await call(sim, 'session/start', id);
    clock.advance(0);
    const first = sim.snapshot(id)?.qr;
    clock.advance(60_000);
    const second = sim.snapshot(id)?.qr;
    expect(second?.index).toBe(2);
    expect(second?.value).not.toBe(first?.value);
    expect(second?.expiresAt).toBe(clock.now() + 20_000);
    clock.advance(20_000 * 4);
    expect(sim.snapshot(id)?.qr?.index).toBe(6);
    clock.advance(19_999);
    expect(sim.snapshot(id)?.status).toBe('SCAN_QR_CODE');
    clock.advance(1);
    expect(sim.snapshot(id)).toMatchObject({ status: 'FAILED', qr: null });
    const qr = await call(sim, 'auth/qr', id);
    expect(qr.status).toBe(422);
    expect(qr.json).toMatchObject({
      code: 'session_status_mismatch',
      status: 'FAILED',
      expected: ['SCAN_QR_CODE'],
    });
    await call(sim, 'session/restart', id);
    clock.advance(0);
    expect(sim.snapshot(id)?.qr?.index).toBe(1);
  });

  it('exhaustion "restart" begins a new cycle; "endless" never exhausts', async () => {
    const { sim, clock, id } = await setup({ bootDelayMs: 1000, qrExhaustion: 'restart' });
    await call(sim, 'session/start', id);
    clock.advance(1000 + 160_000);
    expect(sim.snapshot(id)?.status).toBe('STARTING');
    clock.advance(1000);
    expect(sim.snapshot(id)?.qr?.index).toBe(1);
    sim.config.qrExhaustion = 'endless';
    clock.advance(600_000);
    expect(sim.snapshot(id)?.status).toBe('SCAN_QR_CODE');
    expect(sim.snapshot(id)?.qr?.index).toBeGreaterThan(6);
  });

  it('rejects a stale code without changing state, accepts the current one', async () => {
    const { sim, clock, id } = await setup({ bootDelayMs: 0, postScanDelayMs: 1500 });
    await call(sim, 'session/start', id);
    clock.advance(0);
    const old = sim.snapshot(id)?.qr?.value ?? '';
    clock.advance(60_000);
    const before = sim.snapshot(id);
    expect(sim.scan(id, { value: old })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/stale/) as unknown,
    });
    expect(sim.scan(id, { value: 'never-issued' }).ok).toBe(false);
    expect(sim.snapshot(id)).toEqual(before);
    expect(sim.scan(id, { value: before?.qr?.value, phone: '447700900123', pushName: 'Ann' })).toEqual({
      ok: true,
    });
    expect(sim.snapshot(id)).toMatchObject({ status: 'STARTING', qr: null });
    clock.advance(1500);
    expect(sim.snapshot(id)).toMatchObject({
      status: 'WORKING',
      me: { id: '447700900123@c.us', pushName: 'Ann' },
    });
    expect((await call(sim, 'session/me', id, undefined, 'GET')).json).toEqual({
      id: '447700900123@c.us',
      pushName: 'Ann',
    });
  });

  it('pairs with a requested code; wrong codes and WORKING requests are refused', async () => {
    const { sim, clock, id } = await setup({ bootDelayMs: 0, postScanDelayMs: 0 });
    await call(sim, 'session/start', id);
    clock.advance(0);
    const res = await call(sim, 'auth/request-code', id, { phone_number: '201145202826' });
    const code = String(res.json?.code);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(sim.snapshot(id)?.pairingCode).toBe(code);
    expect(sim.enterCode(id, 'ZZZZ-ZZZZ' === code ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ').ok).toBe(false);
    expect(sim.enterCode(id, code.toLowerCase().replace('-', ''))).toEqual({ ok: true });
    clock.advance(0);
    expect(sim.snapshot(id)?.status).toBe('WORKING');
    const again = await call(sim, 'auth/request-code', id, { phone_number: '201145202826' });
    expect(again.status).toBe(422);
    expect(again.json).toMatchObject({ status: 'WORKING' });
  });

  it('logout from WORKING unlinks and starts a new QR cycle; stop/start keeps the pairing', async () => {
    const { sim, clock } = await setup({ bootDelayMs: 3000 });
    const id = sim.addInstance(TOKEN, { status: 'WORKING', me: { id: '1@c.us', pushName: 'P' } });
    expect((await call(sim, 'session/stop', id)).json).toMatchObject({ status: 'STOPPED' });
    expect(sim.snapshot(id)?.me).toEqual({ id: '1@c.us', pushName: 'P' });
    await call(sim, 'session/start', id);
    clock.advance(3000);
    expect(sim.snapshot(id)).toMatchObject({ status: 'WORKING', qr: null });
    const out = await call(sim, 'session/logout', id);
    expect(out.json).toMatchObject({ status: 'SCAN_QR_CODE', instance_id: id });
    expect(sim.snapshot(id)).toMatchObject({ status: 'STARTING', me: null });
    clock.advance(3000);
    expect(sim.snapshot(id)?.qr?.index).toBe(1);
    expect((await call(sim, 'session/me', id, undefined, 'GET')).json).toBeNull();
  });

  it('logout while STOPPED stays STOPPED; start is a no-op while running', async () => {
    const { sim, clock, id } = await setup({ bootDelayMs: 3000 });
    expect((await call(sim, 'session/logout', id)).json).toMatchObject({ status: 'STOPPED' });
    await call(sim, 'session/start', id);
    clock.advance(2000);
    expect((await call(sim, 'session/start', id)).json).toMatchObject({ status: 'STARTING' });
    clock.advance(1000);
    expect(sim.snapshot(id)?.status).toBe('SCAN_QR_CODE');
  });

  it('unlink turns WORKING into FAILED; crash fails any running session; start recovers', async () => {
    const { sim, clock } = await setup({ bootDelayMs: 0 });
    const working = sim.addInstance(TOKEN, { status: 'WORKING' });
    sim.unlink(working);
    expect(sim.snapshot(working)).toMatchObject({ status: 'FAILED', me: null });
    const scanning = sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    sim.crash(scanning);
    expect(sim.snapshot(scanning)).toMatchObject({ status: 'FAILED', qr: null });
    await call(sim, 'session/start', scanning);
    clock.advance(0);
    expect(sim.snapshot(scanning)?.status).toBe('SCAN_QR_CODE');
  });

  it('serves flaky status reads, then the truth', async () => {
    const { sim } = await setup();
    const id = sim.addInstance(TOKEN, { status: 'WORKING' });
    sim.flakyReads(id, 'STARTING', 2);
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push((await call(sim, 'session/info', id)).json?.status);
    expect(reads).toEqual(['STARTING', 'STARTING', 'WORKING']);
  });

  it('scales every duration by timeScale and reports expiry in seconds or ms', async () => {
    const { sim, clock, id } = await setup({ timeScale: 0.5, bootDelayMs: 0, expiryUnit: 's' });
    await call(sim, 'session/start', id);
    clock.advance(0);
    const qr = sim.snapshot(id)?.qr;
    expect((qr?.expiresAt ?? 0) - clock.now()).toBe(30_000);
    const decode = (data: unknown) =>
      JSON.parse(Buffer.from(String(data), 'base64').toString('utf8')) as { value: string; expiry: number };
    const s = decode((await call(sim, 'auth/qr', id, { format: 'raw' })).json?.data);
    expect(s).toEqual({ value: qr?.value, expiry: Math.floor((qr?.expiresAt ?? 0) / 1000) });
    sim.config.expiryUnit = 'ms';
    expect(decode((await call(sim, 'auth/qr', id)).json?.data).expiry).toBe(qr?.expiresAt);
  });

  it('micro-caches session/info for infoCacheMs', async () => {
    const { sim, clock } = await setup({ infoCacheMs: 2000 });
    const id = sim.addInstance(TOKEN, { status: 'WORKING' });
    expect((await call(sim, 'session/info', id)).json?.status).toBe('WORKING');
    sim.crash(id);
    clock.advance(1999);
    expect((await call(sim, 'session/info', id)).json?.status).toBe('WORKING');
    clock.advance(1);
    expect((await call(sim, 'session/info', id)).json?.status).toBe('FAILED');
  });
});

describe('simulator waits (real clock, time scale)', () => {
  it('request-code during STARTING waits for the first QR instead of failing', async () => {
    sim = await startSimulator({ timeScale: 0.01, bootDelayMs: 3000, statusWaitMs: 60_000 });
    const id = sim.addInstance(TOKEN);
    await call(sim, 'session/start', id);
    const res = await call(sim, 'auth/request-code', id, { phone_number: '201145202826' });
    expect(res.status).toBe(200);
    expect(sim.snapshot(id)?.status).toBe('SCAN_QR_CODE');
  });

  it('QR during STOPPED answers 422 once statusWaitMs passes', async () => {
    sim = await startSimulator({ timeScale: 0.01, statusWaitMs: 1000 });
    const id = sim.addInstance(TOKEN);
    const res = await call(sim, 'auth/qr', id);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ status: 'STOPPED' });
  });
});
