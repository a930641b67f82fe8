/**
 * The benchmark's figures from trial results, in unscaled seconds. Live coverage is the share of the
 * waiting time (first code issued → last code's death) during which a valid code was on screen; a
 * rotation's blank is the time without a valid code between the moment the old code first stopped
 * being valid on screen (withdrawn, or dead) and the moment its successor appeared, so early
 * withdrawal counts as blank.
 */
import { max, median } from './stats';
import type { TrialResult } from './trial';

export interface Figures {
  firstCode: number;
  coverage: number;
  blankMedian: number;
  blankMax: number;
  deadMedian: number;
  deadMax: number;
  qrPerCode: number;
  statusPerMin: number;
  requestsPerMinShown: number;
  detect: number;
  userWait: number;
  linked: string;
}

/** Valid-on-screen time, rotation blanks and dead time of one unscanned trial (real ms). */
function screenTime(r: TrialResult): { valid: number; window: number; blanks: number[]; dead: number[] } {
  const shown = r.screen.shown.map((c) => ({ ...c, to: c.to ?? r.endedAt }));
  const first = r.issued[0];
  const last = r.issued.at(-1);
  if (!first || !last) return { valid: 0, window: 0, blanks: [], dead: [] };
  const end = Math.min(r.endedAt, last.expiresAt);
  let valid = 0;
  const dead: number[] = [];
  for (const c of shown) {
    if (c.expiresAt === null) continue;
    valid += Math.max(0, Math.min(c.to, c.expiresAt, end) - c.from);
    dead.push(Math.max(0, c.to - c.expiresAt));
  }
  const blanks: number[] = [];
  r.issued.forEach((code, i) => {
    const next = r.issued[i + 1];
    const mine = shown.filter((c) => c.value === code.value);
    const b = next && shown.find((c) => c.value === next.value);
    if (!mine[0] || !b) return;
    // From the moment the code first stopped being valid on screen; a later showing of it (back on
    // screen after a refetch proved it alive) gives back the valid time it covers.
    const stop = Math.min(mine[0].to, code.expiresAt);
    const back = mine
      .slice(1)
      .reduce(
        (sum, c) => sum + Math.max(0, Math.min(c.to, code.expiresAt, b.from) - Math.max(c.from, stop)),
        0,
      );
    blanks.push(Math.max(0, b.from - stop - back));
  });
  return { valid, window: Math.max(0, end - first.at), blanks, dead };
}

/** Figures for one strategy; `s` turns real ms into unscaled seconds. */
export function figures(rotation: TrialResult[], scans: TrialResult[], s: (ms: number) => number): Figures {
  const all = [...rotation, ...scans];
  const firstCode = all.map((r) => (r.screen.shown[0] ? s(r.screen.shown[0].from - r.startedAt) : NaN));
  let valid = 0;
  let window = 0;
  const blanks: number[] = [];
  const dead: number[] = [];
  let qr = 0;
  let codes = 0;
  let status = 0;
  let shownRequests = 0;
  let waitMs = 0;
  let shownMs = 0;
  for (const r of rotation) {
    const t = screenTime(r);
    valid += t.valid;
    window += t.window;
    blanks.push(...t.blanks.map(s));
    dead.push(...t.dead.map(s));
    const shown = r.screen.shown;
    for (const c of shown) {
      shownMs += (c.to ?? r.endedAt) - c.from;
      shownRequests += r.screen.requests.filter((q) => q.at >= c.from && q.at < (c.to ?? r.endedAt)).length;
    }
    codes += new Set(shown.map((c) => c.value)).size;
    qr += r.screen.requests.filter((q) => q.method === 'getQr').length;
    const from = shown[0]?.from ?? r.endedAt;
    status += r.screen.requests.filter((q) => q.method === 'sessionInfo' && q.at >= from).length;
    waitMs += r.endedAt - from;
  }
  const linked = scans.filter((r) => r.screen.connectedAt !== null && r.scannedAt !== null);
  return {
    firstCode: median(firstCode),
    coverage: window > 0 ? (100 * valid) / window : NaN,
    blankMedian: median(blanks),
    blankMax: max(blanks),
    deadMedian: median(dead),
    deadMax: max(dead),
    qrPerCode: qr / codes,
    statusPerMin: status / (s(waitMs) / 60),
    requestsPerMinShown: shownRequests / (s(shownMs) / 60),
    detect: median(linked.map((r) => s(r.screen.connectedAt! - r.scannedAt!))),
    userWait: median(linked.map((r) => s(r.screen.connectedAt! - r.triedAt!))),
    linked: scans.length ? `${linked.length}/${scans.length}` : 'n/a',
  };
}
