import { describe, expect, it } from 'vitest';
import type { LoginEvent } from '../../common/model';
import { describeProblem } from '../../common/problems';
import { wawpError } from '../wawp/errors';
import { createLoginSession } from './session';
import { createFakeClock } from './testing/fake-clock';
import { createFakeWawp, type FakeWawpOptions } from './testing/fake-wawp';
import type { LoginSessionOptions } from './types';

type Stamped = LoginEvent & { at: number };

function setup(wawp: FakeWawpOptions = {}, opts: Partial<LoginSessionOptions> = {}) {
  const clock = createFakeClock();
  const fake = createFakeWawp(clock, wawp);
  const events: Stamped[] = [];
  const session = createLoginSession({ client: fake.client, clock, random: () => 0.5, ...opts });
  session.onEvent((e) => {
    events.push({ ...e, at: clock.now() });
    // Every code the engine shows must be the one the server holds at that moment.
    if (e.type === 'qr') expect(e.value).toBe(fake.currentQr()?.value);
  });
  const of = <K extends LoginEvent['type']>(type: K) =>
    events.filter((e): e is Extract<LoginEvent, { type: K }> & { at: number } => e.type === type);
  const calls = (method: string, from = -Infinity) =>
    fake.calls.filter((c) => c.method === method && c.at >= from).length;
  return { clock, fake, events, session, of, calls };
}

/** For every shown code: when it left the screen (the next event other than an error). */
function shownIntervals(events: Stamped[], now: number): { value: string; from: number; to: number }[] {
  const out: { value: string; from: number; to: number }[] = [];
  events.forEach((e, i) => {
    if (e.type !== 'qr') return;
    const end = events.slice(i + 1).find((n) => n.type !== 'error');
    out.push({ value: e.value, from: e.at, to: end ? end.at : now });
  });
  return out;
}

/** No code stays on screen past its true expiry (recorded from the fake server when handed out). */
function expectNoDeadCode(events: Stamped[], trueExpiry: Map<string, number>, now: number): void {
  for (const shown of shownIntervals(events, now)) {
    const dies = trueExpiry.get(shown.value);
    expect(dies, `expiry of ${shown.value}`).toBeDefined();
    expect(shown.to).toBeLessThanOrEqual(dies!);
  }
}

/** A WAHA-like server: whole-second expiries, a 40 ms round trip, auth/qr held while STARTING. */
const heldSetup = (extra: FakeWawpOptions = {}) =>
  setup({ expiryUnit: 's', holdQrWhileStarting: true, latencyMs: 40, ...extra });

function recordExpiries(fake: ReturnType<typeof createFakeWawp>, offset = 0): Map<string, number> {
  const map = new Map<string, number>();
  const orig = fake.client.getQr.bind(fake.client);
  fake.client.getQr = async (o) => {
    const r = await orig(o);
    const cur = fake.currentQr();
    if (r.ok && cur) map.set(cur.value, cur.expiresAt - offset);
    return r;
  };
  return map;
}

describe('login session: happy path and rotation', () => {
  it('starts a STOPPED session, shows the first code, and reports the scan as connected', async () => {
    const { clock, fake, session, of, calls } = setup({}, { expectedPhone: '201012345678' });
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 1, 10_000)).toBe(true);
    expect(calls('start')).toBe(1);
    expect(of('qr')[0]!.index).toBe(1);
    expect(of('status').map((e) => e.status)).toEqual(['STOPPED', 'STARTING', 'SCAN_QR_CODE']);
    await clock.advance(7_000);
    expect(fake.scan()).toBe(true);
    const scannedAt = clock.now();
    expect(await clock.runUntil(() => of('connected').length === 1, 10_000)).toBe(true);
    const connected = of('connected')[0]!;
    expect(connected.me).toEqual({ id: '201012345678@c.us', pushName: 'Ann' });
    expect(connected.phoneMatches).toBe(true);
    expect(connected.at - scannedAt).toBeLessThanOrEqual(1_500 + 2_200);
    expect(of('error')).toHaveLength(0);
    session.stop();
    expect(clock.pending()).toBe(0);
  });

  it('warns when a different number was linked', async () => {
    const { clock, fake, session, of } = setup({}, { expectedPhone: '201099999999' });
    session.start();
    await clock.runUntil(() => of('qr').length === 1, 10_000);
    fake.scan('201012345678');
    await clock.runUntil(() => of('connected').length === 1, 10_000);
    expect(of('connected')[0]!.phoneMatches).toBe(false);
    session.stop();
  });

  it('reports an already linked session as connected without starting it or fetching a code', async () => {
    const { clock, session, of, calls } = setup({ status: 'WORKING' });
    session.start();
    await clock.advance(1_000);
    expect(of('connected')).toHaveLength(1);
    expect(of('connected')[0]!.phoneMatches).toBeNull();
    expect(calls('start') + calls('getQr')).toBe(0);
    await clock.advance(10 * 60_000);
    // Watching a linked session is cheap: about one read per idle poll (30 s + jitter).
    expect(calls('sessionInfo')).toBeLessThanOrEqual(21);
    session.stop();
  });

  it('rotates through the cycle: each code shown once, never past its expiry, ~1 request per code', async () => {
    const { clock, fake, session, events, of, calls } = setup();
    const expiries = recordExpiries(fake);
    session.start();
    await clock.runUntil(() => of('qr').length === 1, 10_000);
    const firstAt = clock.now();
    await clock.runUntil(() => of('qr').length === 6, 200_000);
    expect(of('qr').map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(of('qr').map((e) => e.value)).size).toBe(6);
    expectNoDeadCode(events, expiries, clock.now());
    // From the first code on (probes while STARTING are not refreshes).
    expect(calls('getQr', firstAt)).toBeLessThanOrEqual(Math.floor(6 * 1.1));
    // While codes are shown: at most one request per 2 s.
    const shownFor = clock.now() - firstAt;
    expect(calls('getQr', firstAt) + calls('sessionInfo', firstAt)).toBeLessThanOrEqual(shownFor / 2_000 + 1);
    session.stop();
  });

  it('keeps showing codes past the sixth when the server keeps rotating (no exhaustion)', async () => {
    const { clock, fake, session, events, of } = setup({ exhaustion: 'endless' });
    const expiries = recordExpiries(fake);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 8, 300_000)).toBe(true);
    expect(of('qr').map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(of('exhausted')).toHaveLength(0);
    expectNoDeadCode(events, expiries, clock.now());
    session.stop();
  });

  it("narrows whole-second expiries from observed rotations, never past a code's death, over many cycles", async () => {
    const offset = 3_600_437;
    const { clock, fake, session, events, of, calls } = setup({
      expiryUnit: 's',
      serverOffsetMs: offset,
      exhaustion: 'restart',
    });
    const expiries = recordExpiries(fake, offset);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 18, 700_000)).toBe(true);
    expectNoDeadCode(events, expiries, clock.now());
    // Later codes of a cycle are shown closer to their death than its second one (the phase was learned).
    const shown = shownIntervals(events, clock.now());
    const early = expiries.get(shown[13]!.value)! - shown[13]!.to;
    const late = expiries.get(shown[16]!.value)! - shown[16]!.to;
    expect(late).toBeLessThan(early);
    expect(late).toBeLessThan(200);
    expect(calls('getQr')).toBeLessThanOrEqual(Math.ceil(18 * 1.1) + 3);
    session.stop();
  });

  it('shows whole-second codes until about a round trip before they die: the first from the held reply, the rest from its rotation', async () => {
    const { clock, fake, session, events, of, calls } = heldSetup();
    const expiries = recordExpiries(fake);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 6, 200_000)).toBe(true);
    await clock.runUntil(() => of('qr-expired').length === 6, 30_000);
    expectNoDeadCode(events, expiries, clock.now());
    const shown = shownIntervals(events, clock.now());
    expect(shown.map((c) => c.value)).toEqual([...new Set(shown.map((c) => c.value))]);
    // Withdrawn at most a round trip and the guards (lag 50 ms, read margin 50 ms) before death,
    // not up to a whole second early, and each successor on screen within about a round trip.
    for (const c of shown) expect(expiries.get(c.value)! - c.to).toBeLessThanOrEqual(200);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.from - shown[i - 1]!.to).toBeLessThanOrEqual(300);
    expect(calls('getQr', shown[0]!.from)).toBeLessThanOrEqual(6);
    session.stop();
  });

  it('puts the first code back on screen when a refetch proves it alive past the second it might have died in', async () => {
    // The fake's cycle then starts 3 ms before a server second: its birth fits either side of it.
    const { clock, fake, session, events, of } = heldSetup({ serverOffsetMs: -500 });
    const expiries = recordExpiries(fake, -500);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 7, 200_000)).toBe(true);
    expectNoDeadCode(events, expiries, clock.now());
    expect((expiries.get(of('qr')[0]!.value)! - 500) % 1000).toBe(997);
    const qrs = of('qr');
    expect(qrs.map((e) => e.index)).toEqual([1, 1, 2, 3, 4, 5, 6]);
    expect(qrs[1]!.value).toBe(qrs[0]!.value);
    // The flicker is one piece and a round trip; from the first rotation on, the beat knows its second.
    const shown = shownIntervals(events, clock.now());
    expect(shown[1]!.from - shown[0]!.to).toBeLessThanOrEqual(150);
    for (const c of shown.slice(1, -1)) expect(expiries.get(c.value)! - c.to).toBeLessThanOrEqual(200);
    session.stop();
  });

  it('guards the held-reply estimate: a late first reply is caught by the read before its predicted death', async () => {
    const { clock, fake, session, events, of } = heldSetup();
    // The first code's reply comes 30 ms late (within the guard); in a second session, 200 ms late.
    fake.fail('getQr', { lateMs: 30 });
    const expiries = recordExpiries(fake);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 6, 200_000)).toBe(true);
    expectNoDeadCode(events, expiries, clock.now());
    session.stop();
    const late = heldSetup();
    late.fake.fail('getQr', { lateMs: 200 });
    const lateExpiries = recordExpiries(late.fake);
    late.session.start();
    expect(await late.clock.runUntil(() => late.of('qr').length === 3, 200_000)).toBe(true);
    const first = shownIntervals(late.events, late.clock.now())[0]!;
    // Shown past its death by less than the reply was late (the read withdrew it), then exact again.
    expect(first.to - lateExpiries.get(first.value)!).toBeLessThan(200);
    const later = shownIntervals(late.events, late.clock.now()).slice(1, 2);
    for (const c of later) expect(c.to).toBeLessThanOrEqual(lateExpiries.get(c.value)!);
    late.session.stop();
  });

  it('handles an expiry in whole seconds (the docs example) without dead codes', async () => {
    const { clock, fake, session, events, of, calls } = setup({ expiryUnit: 's' });
    const expiries = recordExpiries(fake);
    session.start();
    await clock.runUntil(() => of('qr').length === 1, 10_000);
    const firstAt = clock.now();
    await clock.runUntil(() => of('qr').length === 6, 200_000);
    expectNoDeadCode(events, expiries, clock.now());
    expect(calls('getQr', firstAt)).toBeLessThanOrEqual(8);
    session.stop();
  });
});

describe('login session: exhaustion, restart, autostart', () => {
  it('emits qr-expired then exhausted when the cycle runs out, and restart() begins a fresh cycle', async () => {
    const { clock, fake, session, events, of, calls } = setup();
    session.start();
    expect(await clock.runUntil(() => of('exhausted').length === 1, 200_000)).toBe(true);
    const types = events.map((e) => e.type);
    expect(types.lastIndexOf('qr-expired')).toBeLessThan(types.indexOf('exhausted'));
    expect(fake.status()).toBe('FAILED');
    const before = calls('sessionInfo') + calls('getQr');
    await clock.advance(5 * 60_000);
    expect(calls('sessionInfo') + calls('getQr') - before).toBeLessThanOrEqual(11);
    expect(calls('start')).toBe(1);
    await session.restart();
    expect(await clock.runUntil(() => of('qr').length === 7, 10_000)).toBe(true);
    expect(of('qr')[6]!.index).toBe(1);
    session.stop();
  });

  it('follows a server that starts a new cycle by itself: exhausted (renewing), then code 1 again', async () => {
    const { clock, fake, session, events, of, calls } = setup({ exhaustion: 'restart' });
    const expiries = recordExpiries(fake);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 8, 400_000)).toBe(true);
    expect(of('qr').map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
    expect(of('exhausted')).toEqual([expect.objectContaining({ type: 'exhausted', renewing: true })]);
    // It came between the last code of the old cycle and the first of the new one.
    expect(of('exhausted')[0]!.at).toBeGreaterThan(of('qr')[5]!.at);
    expect(of('exhausted')[0]!.at).toBeLessThanOrEqual(of('qr')[6]!.at);
    expect(calls('restart')).toBe(0);
    expectNoDeadCode(events, expiries, clock.now());
    session.stop();
  });

  it('sees a renewal whose STARTING fell between two reads: a first code after the last one begins a new cycle', async () => {
    const { clock, fake, session, events, of } = setup({ exhaustion: 'restart', bootMs: 300 });
    const expiries = recordExpiries(fake);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 8, 400_000)).toBe(true);
    expect(of('qr').map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
    expect(of('exhausted')).toEqual([expect.objectContaining({ renewing: true })]);
    expectNoDeadCode(events, expiries, clock.now());
    session.stop();
  });

  it('claims no position for codes of a cycle it joined midway, but knows a fresh cycle', async () => {
    const { clock, fake, session, of } = setup({ status: 'STOPPED' });
    // Let the server run into its third code before the engine looks.
    await fake.client.start();
    await clock.advance(3_000 + 60_000 + 25_000);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 2, 100_000)).toBe(true);
    expect(of('qr').map((e) => e.index)).toEqual([null, null]);
    // Joined within the first code's first 40 s: only code 1 lives longer than any later code.
    const early = setup({ status: 'STOPPED' });
    await early.fake.client.start();
    await early.clock.advance(3_000 + 10_000);
    early.session.start();
    expect(await early.clock.runUntil(() => early.of('qr').length === 2, 100_000)).toBe(true);
    expect(early.of('qr').map((e) => e.index)).toEqual([1, 2]);
    session.stop();
    early.session.stop();
  });

  it('does not start a STOPPED session when autoStart is false, until restart()', async () => {
    const { clock, session, of, calls } = setup({}, { autoStart: false });
    session.start();
    await clock.advance(5 * 60_000);
    expect(calls('start') + calls('restart')).toBe(0);
    expect(of('status').map((e) => e.status)).toEqual(['STOPPED']);
    expect(calls('sessionInfo')).toBeLessThanOrEqual(11);
    await session.restart();
    expect(await clock.runUntil(() => of('qr').length === 1, 10_000)).toBe(true);
    session.stop();
  });

  it('debounces a single surprising STOPPED read on a linked session (WAHA#2073)', async () => {
    const { clock, fake, session, of, calls } = setup({ status: 'WORKING' });
    session.start();
    await clock.advance(1_000);
    fake.flap('STOPPED');
    await clock.advance(2 * 60_000);
    expect(calls('start')).toBe(0);
    expect(of('status').map((e) => e.status)).toEqual(['WORKING']);
    expect(of('connected')).toHaveLength(1);
    fake.flap('STOPPED', 'STOPPED');
    await clock.advance(2 * 60_000);
    expect(calls('start')).toBe(1);
    session.stop();
  });

  it('re-reads the status when the QR endpoint answers 422', async () => {
    const { clock, fake, session, of } = setup({ status: 'WORKING' });
    fake.fail('getQr', { error: { code: 'status_mismatch', message: 'not expected', httpStatus: 422 } });
    session.start();
    await clock.advance(1_000);
    // A real mismatch: force the engine to believe SCAN_QR_CODE via a flap, then the QR call 422s.
    fake.flap('SCAN_QR_CODE');
    await clock.advance(60_000);
    const i = fake.calls.findIndex((c) => c.method === 'getQr');
    expect(i).toBeGreaterThan(-1);
    expect(fake.calls[i + 1]).toEqual({ method: 'sessionInfo', at: fake.calls[i]!.at });
    expect(of('error').filter((e) => e.fatal)).toHaveLength(0);
    session.stop();
  });
});

describe('login session: after linking', () => {
  it('fetches me when session/info omits it', async () => {
    const { clock, fake, session, of, calls } = setup({ status: 'WORKING' });
    const orig = fake.client.sessionInfo.bind(fake.client);
    fake.client.sessionInfo = async (o) => {
      const r = await orig(o);
      return r.ok ? { ...r, data: { ...r.data, me: null } } : r;
    };
    session.start();
    await clock.advance(1_000);
    expect(calls('me')).toBe(1);
    expect(of('connected')[0]!.me.pushName).toBe('Ann');
    session.stop();
  });

  it('keeps watching a linked session and reports when it falls over', async () => {
    const { clock, fake, session, of } = setup({ status: 'WORKING' });
    session.start();
    await clock.advance(1_000);
    fake.flap('FAILED', 'FAILED', 'FAILED');
    await clock.advance(60_000);
    expect(of('exhausted')).toHaveLength(1);
    expect(of('status').map((e) => e.status)).toEqual(['WORKING', 'FAILED']);
    session.stop();
  });

  it('reports a failed restart as a non-fatal error and keeps the loop alive', async () => {
    const { clock, fake, session, of } = setup();
    session.start();
    await clock.runUntil(() => of('exhausted').length === 1, 200_000);
    fake.fail('restart', {
      error: wawpError('upstream_error', { httpStatus: 502, host: 'h', detail: 'HTTP 502' }),
    });
    await session.restart();
    expect(of('error')[0]).toMatchObject({
      code: 'upstream_error',
      fatal: false,
      host: 'h',
      detail: 'HTTP 502',
    });
    expect(of('error')[0]!.message).toBe(describeProblem({ code: 'upstream_error' }).sentence);
    await session.restart();
    expect(await clock.runUntil(() => of('qr').length === 7, 10_000)).toBe(true);
    session.stop();
  });
});

describe('login session: pairing code', () => {
  async function ready() {
    const ctx = setup();
    ctx.session.start();
    await ctx.clock.runUntil(() => ctx.of('qr').length === 1, 10_000);
    return ctx;
  }

  it('validates the number and returns the code as ABCD-1234 with the digits sent', async () => {
    const { session, fake, calls } = await ready();
    let sent = '';
    const orig = fake.client.requestCode.bind(fake.client);
    fake.client.requestCode = (phone, o) => {
      sent = phone;
      return orig(phone, o);
    };
    const result = await session.requestPairingCode('+20 101 234 5678');
    expect(result).toEqual({ ok: true, pairing: { code: 'ABCD-1234', phone: '201012345678' } });
    expect(sent).toBe('201012345678');
    expect(calls('requestCode')).toBe(1);
    session.stop();
  });

  it('rejects an invalid number without a request', async () => {
    const { session, calls } = await ready();
    const result = await session.requestPairingCode('+20 12');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_phone');
      expect(result.error.message).toMatch(/country code/);
    }
    expect(calls('requestCode')).toBe(0);
    session.stop();
  });

  it('answers busy to a second request while the first is in flight', async () => {
    const { session, calls, clock } = await ready();
    const first = session.requestPairingCode('0020 101 234 5678');
    const second = await session.requestPairingCode('201012345678');
    expect(second).toEqual({ ok: false, error: { code: 'busy', message: expect.any(String) as string } });
    await clock.advance(0);
    expect((await first).ok).toBe(true);
    expect(calls('requestCode')).toBe(1);
    expect((await session.requestPairingCode('201012345678')).ok).toBe(true);
    session.stop();
  });
});

describe('login session: errors and backoff', () => {
  const fatalCases = [
    { code: 'unauthorized', httpStatus: 401, hint: /token/ },
    { code: 'not_found', httpStatus: 404, hint: /instance/ },
    { code: 'quota_exceeded', httpStatus: 403, hint: /plan or quota/ },
    { code: 'session_gone', httpStatus: 404, hint: /new code/ },
    { code: 'not_wawp', httpStatus: 501, hint: /not like a Wawp API/ },
  ] as const;
  for (const c of fatalCases) {
    it(`stops on ${c.code} and waits for the user (no retry storm)`, async () => {
      const { clock, fake, session, of } = setup();
      fake.fail('sessionInfo', { error: wawpError(c.code, { httpStatus: c.httpStatus, host: 'h' }) });
      session.start();
      await clock.advance(10 * 60_000);
      expect(fake.calls).toHaveLength(1);
      expect(of('error')).toHaveLength(1);
      expect(of('error')[0]).toMatchObject({ code: c.code, fatal: true, host: 'h' });
      expect(of('error')[0]!.retryInMs).toBeUndefined();
      expect(of('error')[0]!.message).toMatch(c.hint);
      expect(clock.pending()).toBe(0);
      session.start();
      expect(await clock.runUntil(() => of('qr').length === 1, 10_000)).toBe(true);
      session.stop();
    });
  }

  it('honours Retry-After exactly on 429', async () => {
    const { clock, fake, session, of } = setup();
    fake.fail('sessionInfo', {
      error: { code: 'rate_limited', message: 'Slow down', httpStatus: 429, retryAfterMs: 7_000 },
    });
    session.start();
    await clock.advance(20_000);
    const infos = fake.calls.filter((c) => c.method === 'sessionInfo');
    expect(infos[1]!.at - infos[0]!.at).toBe(7_000);
    expect(of('error')[0]).toMatchObject({ code: 'rate_limited', fatal: false, retryInMs: 7_000 });
    expect(of('qr')).toHaveLength(1);
    session.stop();
  });

  it('after a 429 keeps a slower pace for the rest of the session, and still notices a scan within 5 s', async () => {
    const { clock, fake, session, of } = setup();
    session.start();
    await clock.runUntil(() => of('qr').length === 1, 10_000);
    fake.fail('sessionInfo', { error: wawpError('rate_limited', { httpStatus: 429, retryAfterMs: 1_000 }) });
    await clock.advance(10_000);
    const from = clock.now();
    await clock.advance(60_000);
    const infos = fake.calls.filter((c) => c.method === 'sessionInfo' && c.at >= from);
    // 4 s (+ jitter) instead of 2 s: about half the reads of an unlimited session.
    expect(infos.length).toBeLessThanOrEqual(16);
    expect(infos.slice(1).every((c, i) => c.at - infos[i]!.at >= 2_000)).toBe(true);
    expect(fake.scan()).toBe(true);
    const scannedAt = clock.now();
    expect(await clock.runUntil(() => of('connected').length === 1, 20_000)).toBe(true);
    expect(of('connected')[0]!.at - scannedAt).toBeLessThanOrEqual(1_500 + 5_000);
    session.stop();
  });

  it('backs off exponentially (full jitter, capped) through a burst of 5xx, then recovers', async () => {
    const { clock, fake, session, of } = setup();
    const e502 = { error: { code: 'upstream_error' as const, message: 'Bad gateway', httpStatus: 502 } };
    fake.fail('sessionInfo', e502, e502, e502, e502, e502, e502, e502);
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 1, 120_000)).toBe(true);
    // random() = 0.5 → half of min(30 s, 1 s·2^(n-1)).
    expect(of('error').map((e) => e.retryInMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    const infos = fake.calls.filter((c) => c.method === 'sessionInfo').slice(0, 8);
    expect(infos.slice(1).map((c, i) => c.at - infos[i]!.at)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ]);
    session.stop();
  });

  it('times out a hung request, reports it, and recovers', async () => {
    const { clock, fake, session, of } = setup();
    fake.fail('sessionInfo', 'hang');
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 1, 60_000)).toBe(true);
    expect(of('error')[0]).toMatchObject({ code: 'timeout', fatal: false });
    expect(of('error')[0]!.at - fake.calls[0]!.at).toBe(20_000);
    session.stop();
  });

  for (const offset of [3 * 3_600_000, -5 * 3_600_000 - 321]) {
    it(`copes with a local clock ${offset / 3_600_000} h off the server's`, async () => {
      const { clock, fake, session, events, of, calls } = setup({ serverOffsetMs: offset });
      const expiries = recordExpiries(fake, offset);
      session.start();
      await clock.runUntil(() => of('qr').length === 3, 200_000);
      const first = of('qr')[0]!;
      // expiresAt is on the local clock: the first code lives about 60 s from its start.
      expect(first.expiresAt - first.at).toBeGreaterThan(50_000);
      expect(first.expiresAt - first.at).toBeLessThanOrEqual(60_000);
      expectNoDeadCode(events, expiries, clock.now());
      expect(calls('getQr', first.at)).toBeLessThanOrEqual(3);
      session.stop();
    });
  }
});

describe('login session: stop', () => {
  it('leaves no timer and no request behind, mid-sleep or mid-request', async () => {
    const { clock, fake, session, of } = setup();
    session.start();
    await clock.runUntil(() => of('qr').length === 1, 10_000);
    session.stop();
    expect(clock.pending()).toBe(0);
    expect(of('stopped')).toHaveLength(1);
    const n = fake.calls.length;
    await clock.advance(5 * 60_000);
    expect(fake.calls).toHaveLength(n);

    fake.fail('sessionInfo', 'hang');
    session.start();
    await clock.advance(100);
    expect(fake.calls).toHaveLength(n + 1);
    session.stop();
    await clock.advance(0);
    expect(clock.pending()).toBe(0);
    await clock.advance(5 * 60_000);
    expect(fake.calls).toHaveLength(n + 1);
    expect(of('error')).toHaveLength(0);
  });
});
