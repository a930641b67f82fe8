/**
 * End-to-end: the built CLI's `login` against a simulator that starts a new cycle of codes by itself when
 * they all expire (qrExhaustion 'restart', like WAHA's older NOWEB). The 'fail' mode's exit 5 is in
 * login-e2e. The CLI's engine runs on real time, so the simulator's durations are given in ms, not as a
 * time scale: a short cycle (5 s, then five 2 s codes, `expiry` in ms so that none dies before it can be
 * shown) and the real 3 s STARTING, longer than the engine's status read and its confirming re-read, so
 * the engine sees the renewal. A STARTING shorter than that can go unseen (the engine then counts on:
 * code 7 of ~6); that is the engine's to handle, not the CLI's.
 */
import { describe, expect, it } from 'vitest';
import { expectTokenAbsent, jsonLines, runCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-renew-e2e-1b7d3c9e4a';
const world = useCliWorld(TOKEN, {
  qrExhaustion: 'restart',
  bootDelayMs: 3000,
  qrFirstTtlMs: 5000,
  qrNextTtlMs: 2000,
  postScanDelayMs: 200,
  statusWaitMs: 300,
  expiryUnit: 'ms',
});

const env = () => ({ WAWP_ACCESS_TOKEN: TOKEN, WAWP_LINK_CONFIG_DIR: world.configDir });
const CYCLE = [1, 2, 3, 4, 5, 6];

describe('wawp-link login when the server renews the codes by itself (built CLI, real simulator)', () => {
  it(
    '--json: numbers the codes 1 to 6, starts again at 1 after the renewal, and links with a code of the new cycle',
    { timeout: 90_000 },
    async () => {
      const id = world.sim.addInstance(TOKEN);
      let renewed = false;
      const result = await runCli(
        ['login', id, '--base-url', world.sim.baseUrl, '--json', '--restarts', '1'],
        {
          env: env(),
          onLine: (line) => {
            const event = JSON.parse(line) as { type: string; value?: string; index?: number };
            if (event.type === 'exhausted') renewed = true;
            if (renewed && event.type === 'qr')
              world.sim.scan(id, { value: event.value!, phone: '201012345678', pushName: 'Ann' });
          },
        },
      );
      expect(result.code, result.stderr).toBe(0);
      const events = jsonLines(result.stdout);
      const cut = events.findIndex((e) => e.type === 'exhausted');
      expect(events[cut]).toEqual({ type: 'exhausted', renewing: true });
      const indices = (from: number, to?: number) =>
        events
          .slice(from, to)
          .filter((e) => e.type === 'qr')
          .map((e) => e.index);
      const trace = events.map((e) =>
        e.type === 'qr' ? `qr ${String(e.index)}` : String(e.status ?? e.type),
      );
      expect(indices(0, cut), trace.join(', ')).toEqual(CYCLE);
      expect(indices(cut), trace.join(', ')).toEqual([1]);
      expect(events.filter((e) => e.type === 'exhausted')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'connected', me: { id: '201012345678@c.us' } });
      expect(result.stderr).toBe('');
      expect(world.sim.snapshot(id)!.status).toBe('WORKING');
      expectTokenAbsent(result, TOKEN);
    },
  );

  it(
    'counts each renewal against --restarts, says so once, and gives up with exit 5 past the limit',
    { timeout: 90_000 },
    async () => {
      const id = world.sim.addInstance(TOKEN);
      const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--restarts', '1'], {
        env: env(),
      });
      expect(result.code, result.stderr).toBe(5);
      const lines = result.stdout.split('\n');
      const codeAt = lines.flatMap((l, i) => (l.startsWith('Code ') ? [i] : []));
      const plain = lines.filter((l) => /^[A-Z]/.test(l)).join('\n');
      expect(
        codeAt.map((i) => lines[i]!.replace(/ · .*/, '')),
        plain,
      ).toEqual([...CYCLE, ...CYCLE].map((n) => `Code ${n} of ~6`));
      // Between the cycles: one line with the news and the count; the renewed cycle's codes follow.
      const banner = lines.indexOf('Every code expired; the server started new ones (restart 1 of 1).');
      expect(banner).toBeGreaterThan(codeAt[5]!);
      expect(banner).toBeLessThan(codeAt[6]!);
      expect(lines.filter((l) => l.startsWith('Every code'))).toHaveLength(1);
      expect(lines.filter((l) => /restart \d of/.test(l))).toHaveLength(1);
      // The server restarted itself: no run in this file asked for a restart.
      expect(world.sim.requestCount('session/restart')).toBe(0);
      expect(result.stderr).toBe(
        'No code was scanned\n' +
          'Every code expired without a scan; the server started new ones, but --restarts 1 allows no more, ' +
          'so wawp-link stopped waiting.\n' +
          `Next: run it again when the phone is at hand: wawp-link login ${id} --base-url ${world.sim.baseUrl}\n`,
      );
      expectTokenAbsent(result, TOKEN);
    },
  );
});
