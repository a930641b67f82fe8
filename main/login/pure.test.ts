import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyError, DEFAULT_BACKOFF } from './backoff';
import { systemClock } from './clock';
import { beatPieces, localDeath, serverDeath } from './code-death';
import { estimateSkew, skewSample } from './clock-skew';
import { formatPairingCode, normalizePhone, phoneMatches } from './pairing';
import { clampDelay, DEFAULT_TIMING, planQr, pollDelay, scaleTiming } from './schedule';

describe('classifyError', () => {
  it('maps what the user must fix to fatal, 422 to reread, 429/5xx/network/timeout to retry', () => {
    for (const code of ['unauthorized', 'quota_exceeded', 'not_found', 'session_gone', 'not_wawp'] as const) {
      expect(classifyError({ code, message: '' })).toBe('fatal');
    }
    expect(classifyError({ code: 'bad_request', message: '', httpStatus: 400 })).toBe('fatal');
    expect(classifyError({ code: 'status_mismatch', message: '', httpStatus: 422 })).toBe('reread');
    for (const code of ['rate_limited', 'server_error', 'upstream_error', 'network', 'timeout'] as const) {
      expect(classifyError({ code, message: '' })).toBe('retry');
    }
  });
});

describe('backoffDelay', () => {
  it('uses Retry-After exactly', () => {
    expect(backoffDelay(5, { code: 'rate_limited', message: '', retryAfterMs: 12_345 }, () => 0.9)).toBe(
      12_345,
    );
  });
  it('stays within [min, min(cap, base·2^(n-1))] for any draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, { code: 'server_error', message: '' }, () => r);
        const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (n - 1));
        return d >= DEFAULT_BACKOFF.minMs && d <= Math.max(DEFAULT_BACKOFF.minMs, ceiling);
      }),
    );
  });
});

describe('clock skew', () => {
  it('always contains the true offset, whatever the phases of the 1 s Date header', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e8, max: 1e8 }),
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 12, maxLength: 12 }),
        (offset, phases) => {
          const samples = phases.map((p, i) => {
            const sent = 1_700_000_000_000 + i * 2_000 + p;
            const server = sent + 5 + offset;
            return skewSample(Math.floor(server / 1000) * 1000, sent, sent + 10);
          });
          const est = estimateSkew(samples);
          return Math.abs(est.offsetMs - offset) <= est.uncertaintyMs + 1;
        },
      ),
    );
  });
  it('narrows to about the round trip once replies land at spread phases', () => {
    const samples = Array.from({ length: 12 }, (_, i) => {
      const sent = 1_700_000_000_000 + i * 2_083;
      return skewSample(Math.floor((sent + 5 + 42_000) / 1000) * 1000, sent, sent + 10);
    });
    const est = estimateSkew(samples);
    expect(est.uncertaintyMs).toBeLessThanOrEqual(60);
    expect(Math.abs(est.offsetMs - 42_000)).toBeLessThanOrEqual(60);
  });
  it('follows a clock change instead of averaging two clocks', () => {
    const old = [0, 1, 2].map((i) =>
      skewSample(1_000_000 + i * 2000, 1_000_000 + i * 2000, 1_000_000 + i * 2000 + 5),
    );
    const jumped = skewSample(1_000_000 + 3_600_000 + 8000, 1_000_000 + 8000, 1_000_000 + 8005);
    expect(Math.abs(estimateSkew([...old, jumped]).offsetMs - 3_600_000)).toBeLessThan(1_000);
  });
});

describe('schedule', () => {
  it('clamps delays so a bad clock neither stalls nor storms', () => {
    expect(clampDelay(-5e9, DEFAULT_TIMING)).toBe(DEFAULT_TIMING.minDelayMs);
    expect(clampDelay(5e9, DEFAULT_TIMING)).toBe(DEFAULT_TIMING.maxDelayMs);
    expect(clampDelay(NaN, DEFAULT_TIMING)).toBe(DEFAULT_TIMING.minDelayMs);
  });
  it('polls at least every active interval while a code shows, never faster', () => {
    expect(pollDelay('active', DEFAULT_TIMING, () => 0)).toBe(2_000);
    expect(pollDelay('active', DEFAULT_TIMING, () => 1)).toBe(2_200);
    expect(pollDelay('idle', DEFAULT_TIMING, () => 0)).toBe(30_000);
  });
  it('shows a code until the earliest moment it may be dead and refetches once it surely is', () => {
    const plan = planQr(
      { now: 0, death: { lo: 20_083, hi: 20_163 }, sameStreak: 0, current: null },
      DEFAULT_TIMING,
    );
    expect(plan).toEqual({ expiresAt: 20_123, hideAt: 20_083, refreshAt: 20_163, trusted: true });
    const lead = planQr(
      { now: 0, death: { lo: 20_083, hi: 20_163 }, sameStreak: 0, current: null },
      { ...DEFAULT_TIMING, qrHideLeadMs: 300 },
    );
    expect(lead.hideAt).toBe(19_783);
  });
  it('falls back to a default lifetime when expiry is missing, past or absurd', () => {
    for (const death of [null, { lo: -1, hi: -1 }, { lo: 1e15, hi: 1e15 }]) {
      const plan = planQr({ now: 0, death, sameStreak: 0, current: null }, DEFAULT_TIMING);
      expect(plan).toMatchObject({ hideAt: 20_000, refreshAt: 20_000, trusted: false });
    }
  });
  it('retries an unrotated code sooner at first, slower each time', () => {
    const current = { expiresAt: 1_000, hideAt: 1_000, refreshAt: 1_000, trusted: true };
    const at = (sameStreak: number) =>
      planQr({ now: 2_000, death: { lo: 1_000, hi: 1_000 }, sameStreak, current }, DEFAULT_TIMING).refreshAt -
      2_000;
    expect([at(1), at(2), at(3)]).toEqual([100, 200, 400]);
  });
  it('knows a whole-second expiry only to its second', () => {
    expect(serverDeath(60_000)).toEqual({ lo: 60_000, hi: 60_999 });
    expect(serverDeath(60_123)).toEqual({ lo: 60_123, hi: 60_123 });
    expect(localDeath({ lo: 60_400, hi: 60_430 }, -10, 20)).toEqual({ lo: 60_380, hi: 60_440 });
  });
  it('narrows a death window to the moments a whole number of seconds from the beat', () => {
    const window = { lo: 59_995, hi: 61_004 };
    const birth = (lo: number, hi: number) => ({ lo, hi, hard: true, second: null });
    expect(beatPieces(window, birth(3_410, 3_450), 60_000)).toEqual([{ lo: 60_410, hi: 60_450 }]);
    // A birth near the edge of the second fits twice: both pieces, earliest first.
    expect(beatPieces(window, birth(2_990, 3_010), 60_000)).toEqual([
      { lo: 59_995, hi: 60_010 },
      { lo: 60_990, hi: 61_004 },
    ]);
    // A death seen in its own expiry second: the seconds since say which piece.
    const death = { lo: 2_990, hi: 3_010, hard: true, second: 2_000 };
    expect(beatPieces(window, death, 60_000)).toEqual([{ lo: 60_990, hi: 61_004 }]);
    expect(beatPieces(window, { ...death, second: 3_000 }, 60_000)).toEqual([{ lo: 59_995, hi: 60_010 }]);
    // Too wide to tell anything, a window far too wide, or a beat that fits nowhere: nothing.
    expect(beatPieces(window, birth(3_000, 3_950), 60_000)).toEqual([]);
    expect(beatPieces({ lo: 0, hi: 20_000 }, birth(10, 20), 0)).toEqual([]);
    expect(beatPieces(window, { ...death, second: 9_000 }, 60_000)).toEqual([]);
  });
  it('never loses the true death, whatever the beat, window and phase', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 30 }),
        (death, beatWidth, offsetWidth, beatPos, seconds) => {
          // The server's expiry names the second; the offset is known to within offsetWidth.
          const second = Math.floor(death / 1000) * 1000;
          const window = { lo: second - offsetWidth, hi: second + 999 + offsetWidth };
          const birth = death - seconds * 1000;
          const lo = birth - Math.floor((beatPos * beatWidth) / 999);
          const beat = { lo, hi: lo + beatWidth, hard: true, second: null };
          const pieces = beatPieces(window, beat, second);
          return pieces.length > 0 && pieces.some((p) => p.lo <= death && death <= p.hi);
        },
      ),
    );
  });
  it('scales durations but not ratios', () => {
    const s = scaleTiming(DEFAULT_TIMING, 0.05);
    expect(s.activePollMs).toBe(100);
    expect(s.qrExpectedCount).toBe(6);
    expect(s.pollJitter).toBe(DEFAULT_TIMING.pollJitter);
  });
});

describe('pairing helpers', () => {
  it('accepts the usual ways to write an international number', () => {
    for (const input of ['+20 101 234 5678', '0020 101 234 5678', '201012345678', '+20 (101) 234-5678']) {
      expect(normalizePhone(input)).toEqual({ ok: true, digits: '201012345678' });
    }
  });
  it('rejects junk with a message that says what to fix', () => {
    for (const input of ['', 'call me', '+20 101', '123']) {
      const r = normalizePhone(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(20);
    }
  });
  it('formats codes and compares linked numbers', () => {
    expect(formatPairingCode('abcd1234')).toBe('ABCD-1234');
    expect(formatPairingCode('ABC')).toBeNull();
    expect(phoneMatches('201012345678:3@s.whatsapp.net', '201012345678')).toBe(true);
    expect(phoneMatches('201012345678@c.us', null)).toBeNull();
  });
});

describe('systemClock', () => {
  it('rejects a sleep at once when aborted (the timer is cleared, nothing keeps the process alive)', async () => {
    const ctl = new AbortController();
    const sleeping = systemClock.sleep(60_000, ctl.signal);
    ctl.abort();
    await expect(sleeping).rejects.toThrow(/abort/i);
    await expect(systemClock.sleep(1, ctl.signal)).rejects.toThrow(/abort/i);
  });
  it('resolves after the delay', async () => {
    await expect(systemClock.sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});
