import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './engine-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('login engine against the simulator (time-scaled, real HTTP)', () => {
  it('autostarts a STOPPED instance, shows the live code, and reports the scan', async () => {
    h = await harness({ session: { expectedPhone: '201012345678' } });
    h.session.start();
    const qr = await h.next('qr');
    expect(qr.index).toBe(1);
    expect(qr.value).toBe(h.sim.snapshot(h.instanceId)!.qr!.value);
    expect(h.sim.requestCount('session/start')).toBe(1);
    expect(h.sim.scan(h.instanceId, { value: qr.value, phone: '201012345678', pushName: 'Ann' })).toEqual({
      ok: true,
    });
    const connected = await h.next('connected');
    expect(connected.me).toEqual({ id: '201012345678@c.us', pushName: 'Ann' });
    expect(connected.phoneMatches).toBe(true);
    expect(h.events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('follows rotation with about one QR request per code, each code the live one', async () => {
    h = await harness();
    const live: boolean[] = [];
    const sim = h.sim;
    const id = h.instanceId;
    h.session.onEvent((e) => {
      if (e.type === 'qr') live.push(sim.snapshot(id)?.qr?.value === e.value);
    });
    h.session.start();
    let third = await h.next('qr', 15_000);
    while (h.events.filter((e) => e.type === 'qr').length < 3)
      third = await h.next('qr', 15_000, h.events.length);
    expect(third.index).toBe(3);
    expect(live).toEqual([true, true, true]);
    // 3 codes; a probe or two while STARTING, and a rare early refetch, are allowed.
    expect(h.sim.requestCount('auth/qr')).toBeLessThanOrEqual(3 + 3);
  });

  it('reports exhaustion when the cycle runs out, and restart() brings a fresh cycle', async () => {
    h = await harness();
    h.session.start();
    await h.next('exhausted', 20_000);
    expect(h.sim.snapshot(h.instanceId)!.status).toBe('FAILED');
    const mark = h.events.length;
    await h.session.restart();
    const qr = await h.next('qr', 10_000, mark);
    expect(qr.index).toBe(1);
    expect(qr.value).toBe(h.sim.snapshot(h.instanceId)!.qr!.value);
  });

  it('leaves a STOPPED instance alone when autoStart is false', async () => {
    h = await harness({ session: { autoStart: false } });
    h.session.start();
    const status = await h.next('status');
    expect(status.status).toBe('STOPPED');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sim.requestCount('session/start')).toBe(0);
    expect(h.sim.snapshot(h.instanceId)!.status).toBe('STOPPED');
  });

  it('requests a pairing code, and the code entered on the phone links the session', async () => {
    h = await harness();
    h.session.start();
    await h.next('qr');
    const invalid = await h.session.requestPairingCode('+20 12');
    expect(invalid.ok).toBe(false);
    const result = await h.session.requestPairingCode('+20 101 234 5678');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pairing.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(result.pairing.code).toBe(h.sim.snapshot(h.instanceId)!.pairingCode);
    expect(h.sim.enterCode(h.instanceId, result.pairing.code, { phone: '201012345678' })).toEqual({
      ok: true,
    });
    expect((await h.next('connected')).me.id).toBe('201012345678@c.us');
    expect(h.sim.requestCount('auth/request-code')).toBe(1);
  });

  it('stops on a wrong token (401) without retrying', async () => {
    h = await harness({ token: 'wrong-token' });
    h.session.start();
    const error = await h.next('error');
    expect(error).toMatchObject({ code: 'unauthorized', fatal: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sim.requestCount()).toBe(1);
  });

  it('stops on an unknown instance (404) without retrying', async () => {
    h = await harness({ instanceId: '000000000000' });
    h.session.start();
    const error = await h.next('error');
    expect(error).toMatchObject({ code: 'not_found', fatal: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sim.requestCount()).toBe(1);
  });

  it('waits exactly as long as Retry-After says on 429, then carries on', async () => {
    h = await harness();
    h.sim.injectFault({ endpoint: 'session/info', status: 429, retryAfter: '1' });
    h.session.start();
    const error = await h.next('error');
    expect(error).toMatchObject({ code: 'rate_limited', fatal: false, retryInMs: 1_000 });
    await h.next('qr');
  });

  it('backs off through a burst of 502s and recovers', async () => {
    h = await harness();
    h.sim.injectFault({ endpoint: 'session/info', status: 502, times: 4 });
    h.session.start();
    await h.next('qr');
    const errors = h.events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(4);
    expect(errors.every((e) => e.type === 'error' && !e.fatal && e.code === 'upstream_error')).toBe(true);
  });

  it('gives up on a hung request after its deadline and recovers', async () => {
    h = await harness();
    h.sim.injectFault({ endpoint: 'session/info', hang: true });
    h.session.start();
    expect(await h.next('error', 10_000)).toMatchObject({ code: 'timeout', fatal: false });
    await h.next('qr', 10_000);
  });

  it('shows correct expiries when the server clock is hours away from ours', async () => {
    h = await harness({ sim: { clockOffsetMs: 3 * 3_600_000 } });
    h.session.start();
    const qr = await h.next('qr');
    const snap = h.sim.snapshot(h.instanceId)!.qr!;
    // expiresAt is local: the server's expiry minus ~3 h (within the Date header's second).
    expect(Math.abs(qr.expiresAt - (snap.expiresAt - 3 * 3_600_000))).toBeLessThan(1_500);
    expect(qr.expiresAt).toBeGreaterThan(Date.now());
    const mark = h.events.length;
    const second = await h.next('qr', 10_000, mark);
    expect(second.index).toBe(2);
  });
});
