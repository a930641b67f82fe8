/**
 * An in-process fake WawpClient on a fake clock, for the engine's unit tests: the Wawp session
 * state machine (boot, 60 s + 5 × 20 s QR cycle, FAILED on exhaustion, scan → STARTING → WORKING),
 * a server clock that may be far from the local one (1 s `Date` resolution), a call log, and
 * scripted faults per endpoint. Integration tests use the real simulator over HTTP instead.
 */
import type { Me, SessionStatus, WawpError } from '../../../common/model';
import type { Outcome, QrCode, SessionInfo, WawpClient } from '../../wawp/types';
import type { FakeClock } from './fake-clock';

/** A scripted fault: an error, a call that never answers, or a reply that comes this much later. */
export type Fault = { error: WawpError } | 'hang' | { lateMs: number };
type Method =
  | 'getQr'
  | 'sessionInfo'
  | 'start'
  | 'restart'
  | 'requestCode'
  | 'me'
  | 'createTempLink'
  | 'getTempLink'
  | 'revokeTempLink';

export interface FakeWawpOptions {
  status?: SessionStatus;
  /** Server clock minus local clock. */
  serverOffsetMs?: number;
  bootMs?: number;
  postScanMs?: number;
  /** `endless`: codes keep rotating after the sixth (WEBJS-like); `restart`: a new cycle after STARTING (older NOWEB); default `fail`. */
  exhaustion?: 'fail' | 'endless' | 'restart';
  /** Returned `expiry` unit (the docs conflict); default ms. */
  expiryUnit?: 's' | 'ms';
  /** Round trip of every call; the server handles it halfway. Default 0. */
  latencyMs?: number;
  /** auth/qr while STARTING waits (≤ 5 s) for the first code instead of a 422, as WAHA does. */
  holdQrWhileStarting?: boolean;
}

/** The fake plus its test controls. */
export interface FakeWawp {
  client: WawpClient;
  calls: { method: Method; at: number }[];
  status(): SessionStatus;
  /** The code the server would hand out now, or null. */
  currentQr(): { value: string; expiresAt: number } | null;
  scan(phone?: string): boolean;
  fail(method: Method, ...faults: Fault[]): void;
  /** The next session/info reads report these statuses (transient flaps, WAHA#2073). */
  flap(...statuses: SessionStatus[]): void;
  /** Codes of the current cycle issued so far. */
  codesIssued(): number;
  /** The live temp link (30 min, server clock), or null when none, revoked or expired. */
  tempLink(): { url: string; expiresAt: number } | null;
}

/** Creates a fake Wawp session (default STOPPED, unpaired). */
export function createFakeWawp(clock: FakeClock, opts: FakeWawpOptions = {}): FakeWawp {
  const offset = opts.serverOffsetMs ?? 0;
  const bootMs = opts.bootMs ?? 3_000;
  const postScanMs = opts.postScanMs ?? 1_500;
  let status: SessionStatus = opts.status ?? 'STOPPED';
  let since = clock.now();
  let paired = status === 'WORKING';
  let me: Me | null = paired ? { id: '201012345678@c.us', pushName: 'Ann' } : null;
  let cycleStart = since;
  let cycle = 0;
  const faults = new Map<Method, Fault[]>();
  const calls: { method: Method; at: number }[] = [];
  const flaps: SessionStatus[] = [];
  let link: { url: string; expiresAt: number } | null = null;
  let links = 0;
  const liveLink = (): typeof link => (link && serverNow() < link.expiresAt ? link : (link = null));

  const serverNow = (): number => clock.now() + offset;
  const qrIndexAt = (now: number): number => {
    const age = now - cycleStart;
    return age < 60_000 ? 0 : 1 + Math.floor((age - 60_000) / 20_000);
  };
  let startingFor = bootMs;
  const set = (next: SessionStatus, at: number, phaseMs = bootMs): void => {
    status = next;
    since = at;
    startingFor = phaseMs;
    if (next === 'SCAN_QR_CODE') {
      cycleStart = at;
      cycle += 1;
    }
  };
  const step = (now: number): boolean => {
    if (status === 'STARTING' && now - since >= startingFor) {
      set(paired ? 'WORKING' : 'SCAN_QR_CODE', since + startingFor);
      return true;
    }
    if (status === 'SCAN_QR_CODE' && opts.exhaustion !== 'endless' && qrIndexAt(now) >= 6) {
      set(opts.exhaustion === 'restart' ? 'STARTING' : 'FAILED', cycleStart + 160_000);
      return true;
    }
    return false;
  };
  const tick = (): void => {
    const now = clock.now();
    while (step(now));
  };
  const qr = (): { value: string; expiresAt: number } | null => {
    tick();
    if (status !== 'SCAN_QR_CODE') return null;
    const i = qrIndexAt(clock.now());
    const expiresLocal = cycleStart + 60_000 + i * 20_000;
    return { value: `2@cycle${cycle}-code${i + 1}`, expiresAt: expiresLocal + offset };
  };
  const meta = (): { serverDate: number; receivedAt: number } => ({
    serverDate: Math.floor(serverNow() / 1000) * 1000,
    receivedAt: clock.now(),
  });
  const info = (): SessionInfo => ({
    name: 'wawp-1',
    status,
    rawStatus: status,
    me: status === 'WORKING' ? me : null,
    qr: status === 'SCAN_QR_CODE' ? `png:${qr()?.value ?? ''}` : null,
  });
  const mismatch = (): WawpError => ({
    code: 'status_mismatch',
    message: 'Session status is not as expected',
    httpStatus: 422,
    currentStatus: status,
  });

  const answer = async <T>(
    method: Method,
    signal: AbortSignal | undefined,
    body: () => Outcome<T>,
  ): Promise<Outcome<T>> => {
    calls.push({ method, at: clock.now() });
    const fault = faults.get(method)?.shift();
    if (fault === 'hang') {
      return new Promise<Outcome<T>>((resolve) => {
        signal?.addEventListener('abort', () =>
          resolve({ ok: false, error: { code: 'network', message: 'aborted' } }),
        );
      });
    }
    if (fault && 'error' in fault) return { ok: false, error: fault.error };
    const late = fault?.lateMs ?? 0;
    const half = (opts.latencyMs ?? 0) / 2;
    const sig = signal ?? new AbortController().signal;
    try {
      if (half > 0) await clock.sleep(half, sig);
      tick();
      const wait = since + startingFor - clock.now();
      if (method === 'getQr' && opts.holdQrWhileStarting && status === 'STARTING' && wait <= 5_000)
        await clock.sleep(Math.max(0, wait), sig);
      tick();
      const out = body();
      if (half + late > 0) await clock.sleep(half + late, sig);
      return out;
    } catch {
      return { ok: false, error: { code: 'network', message: 'aborted' } };
    }
  };
  const ok = <T>(data: T): Outcome<T> => ({ ok: true, data, ...meta() });

  const client: WawpClient = {
    getQr: (o) =>
      answer<QrCode>('getQr', o?.signal, () => {
        const code = qr();
        if (!code) return { ok: false, error: mismatch() };
        const expiry = opts.expiryUnit !== 's' ? code.expiresAt : Math.floor(code.expiresAt / 1000);
        return ok({ value: code.value, expiresAt: expiry < 1e12 ? expiry * 1000 : expiry });
      }),
    getQrImage: () => Promise.resolve({ ok: false, error: { code: 'bad_request', message: 'not faked' } }),
    requestCode: (_phone, o) =>
      answer('requestCode', o?.signal, () =>
        status === 'SCAN_QR_CODE' ? ok({ code: 'ABCD-1234' }) : { ok: false, error: mismatch() },
      ),
    sessionInfo: (o) =>
      answer('sessionInfo', o?.signal, () => {
        const shown = flaps.shift();
        return ok(shown ? { ...info(), status: shown, rawStatus: shown, me: null } : info());
      }),
    me: (o) => answer('me', o?.signal, () => ok(status === 'WORKING' ? me : null)),
    start: (o) =>
      answer('start', o?.signal, () => {
        if (status === 'STOPPED' || status === 'FAILED') set('STARTING', clock.now());
        return ok(info());
      }),
    stop: () => Promise.resolve(ok(info())),
    restart: (o) =>
      answer('restart', o?.signal, () => {
        set('STARTING', clock.now());
        return ok(info());
      }),
    logout: () => Promise.resolve(ok(info())),
    createTempLink: (o) =>
      answer('createTempLink', o?.signal, () => {
        links += 1;
        link = {
          url: `https://app.wawp.net/temp-qr/${String(links).padStart(64, '0')}`,
          expiresAt: serverNow() + 30 * 60_000,
        };
        return ok({ ...link, expiryAssumed: false });
      }),
    getTempLink: (o) =>
      answer('getTempLink', o?.signal, () => {
        const live = liveLink();
        return ok(live ? { ...live, expiryAssumed: false } : null);
      }),
    revokeTempLink: (o) =>
      answer('revokeTempLink', o?.signal, () => {
        link = null;
        return ok({ revoked: true as const });
      }),
  };

  return {
    client,
    calls,
    status: () => {
      tick();
      return status;
    },
    currentQr: qr,
    scan(phone = '201012345678') {
      tick();
      if (status !== 'SCAN_QR_CODE') return false;
      paired = true;
      me = { id: `${phone}@c.us`, pushName: 'Ann' };
      set('STARTING', clock.now(), postScanMs);
      return true;
    },
    fail(method, ...list) {
      faults.set(method, [...(faults.get(method) ?? []), ...list]);
    },
    flap(...list) {
      flaps.push(...list);
    },
    codesIssued: () => (status === 'SCAN_QR_CODE' ? qrIndexAt(clock.now()) + 1 : 0),
    tempLink: liveLink,
  };
}
