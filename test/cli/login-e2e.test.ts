/**
 * End-to-end: the built CLI's `login` against a real simulator on 127.0.0.1 — scan, rotation, STOPPED
 * autostart, JSON lines only on stdout, human output, and the token absent from every byte of output.
 */
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/index';
import { expectTokenAbsent, jsonLines, runCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-login-e2e-5f2a9c1d7b';
// Real-time engine against a quick simulator: 200 ms boot, 5 s / 4 s codes.
const world = useCliWorld(TOKEN, {
  bootDelayMs: 200,
  qrFirstTtlMs: 5000,
  qrNextTtlMs: 4000,
  postScanDelayMs: 200,
  statusWaitMs: 300,
});

const env = () => ({ WAWP_ACCESS_TOKEN: TOKEN, WAWP_LINK_CONFIG_DIR: world.configDir });

describe('wawp-link login (built CLI, real simulator)', () => {
  it('--json: starts a STOPPED session, shows a QR, links after the scan, exit 0, only JSON lines on stdout', async () => {
    const id = world.sim.addInstance(TOKEN);
    expect(world.sim.snapshot(id)!.status).toBe('STOPPED');
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], {
      env: env(),
      onLine: (line) => {
        const event = JSON.parse(line) as { type: string; value?: string };
        if (event.type === 'qr')
          world.sim.scan(id, { value: event.value!, phone: '201012345678', pushName: 'Ann' });
      },
    });
    expect(result.code, result.stderr).toBe(0);
    const events = jsonLines(result.stdout);
    const types = events.map((e) => e.type);
    expect(types).toContain('status');
    expect(events).toContainEqual(expect.objectContaining({ type: 'status', status: 'STOPPED' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'status', status: 'SCAN_QR_CODE' }));
    const qr = events.find((e) => e.type === 'qr')!;
    expect(typeof qr.value).toBe('string');
    expect(qr.value).toMatch(/^2@/);
    expect(typeof qr.expiresAt).toBe('number');
    expect(qr.expiresAt as number).toBeGreaterThan(1e12);
    expect(qr).toMatchObject({ index: 1, expectedCount: 6 });
    expect(events.at(-1)).toEqual(
      expect.objectContaining({ type: 'connected', me: { id: '201012345678@c.us', pushName: 'Ann' } }),
    );
    expect(world.sim.requestCount('session/start')).toBeGreaterThanOrEqual(1);
    expect(world.sim.snapshot(id)!.status).toBe('WORKING');
    expectTokenAbsent(result, TOKEN);
  });

  it(
    'shows the next code when the first expires, and links with the second (rotation)',
    { timeout: 60_000 },
    async () => {
      const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
      const values: string[] = [];
      const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], {
        env: env(),
        onLine: (line) => {
          const event = JSON.parse(line) as { type: string; value?: string };
          if (event.type !== 'qr') return;
          values.push(event.value!);
          if (values.length === 2) world.sim.scan(id, { value: event.value!, pushName: 'Ann' });
        },
      });
      expect(result.code, result.stderr).toBe(0);
      const events = jsonLines(result.stdout);
      const qrs = events.filter((e) => e.type === 'qr');
      // Joined a cycle already under way: the engine cannot know the codes' positions, so it says none.
      expect(qrs.map((q) => q.index)).toEqual([null, null]);
      expect(new Set(values).size).toBe(2);
      expect(qrs[1]!.expiresAt as number).toBeGreaterThan(qrs[0]!.expiresAt as number);
      // The dead code is withdrawn before (or as) its successor shows: never two live codes.
      expect(events.findIndex((e) => e.type === 'qr-expired')).toBeGreaterThan(events.indexOf(qrs[0]!));
      expect(events.at(-1)!.type).toBe('connected');
      expectTokenAbsent(result, TOKEN);
    },
  );

  it('without --json draws the QR in the terminal and ends with "Linked as +20 10 12345678 (Ann)"', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    let scanned = false;
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl], {
      env: env(),
      onLine: (line) => {
        if (!scanned && line.startsWith('Code · expires')) {
          scanned = true;
          world.sim.scan(id, { phone: '201012345678', pushName: 'Ann' });
        }
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('█');
    // The instance was already scanning: the position in the cycle is unknown, so none is claimed.
    expect(result.stdout).toMatch(/Code · expires in 0:0\d/);
    expect(result.stdout).toContain('Status: Waiting for a scan');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Linked as +20 10 12345678 (Ann)');
    expect(result.stdout).not.toContain('\u001b['); // not a TTY (and NO_COLOR): plain lines, no redraws
    expectTokenAbsent(result, TOKEN);
  });

  it('an already linked instance says so and exits 0 at once, asking for no code', async () => {
    const id = world.sim.addInstance(TOKEN, {
      status: 'WORKING',
      me: { id: '447911123456@c.us', pushName: 'Bo' },
    });
    const codes = world.sim.requestCount('auth/qr');
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Already linked as +44 7911 123456 (Bo); nothing to do.\n');
    expect(world.sim.requestCount('auth/qr')).toBe(codes);
  });

  it('restarts a session that had already FAILED (not counted as a --restarts restart) and links', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    world.sim.crash(id);
    expect(world.sim.snapshot(id)!.status).toBe('FAILED');
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], {
      env: env(),
      onLine: (line) => {
        const event = JSON.parse(line) as { type: string; value?: string };
        if (event.type === 'qr') world.sim.scan(id, { value: event.value!, pushName: 'Ann' });
      },
    });
    expect(result.code, result.stderr).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events[0]).toMatchObject({ type: 'status', status: 'FAILED' });
    expect(events.at(-1)!.type).toBe('connected');
    expectTokenAbsent(result, TOKEN);
  });

  it(
    '--restarts 1 restarts once after the codes run out, then gives up with exit 5',
    { timeout: 90_000 },
    async () => {
      const quick = await startSimulator({
        bootDelayMs: 100,
        qrFirstTtlMs: 3000,
        qrNextTtlMs: 2000,
        qrCount: 2,
      });
      try {
        quick.addToken(TOKEN);
        const id = quick.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
        const result = await runCli(['login', id, '--base-url', quick.baseUrl, '--json', '--restarts', '1'], {
          env: env(),
        });
        expect(result.code, result.stderr).toBe(5);
        const events = jsonLines(result.stdout);
        expect(events.filter((e) => e.type === 'exhausted')).toHaveLength(2);
        expect(quick.requestCount('session/restart')).toBe(1);
        expect(events.at(-1)).toMatchObject({ type: 'error', code: 'timeout', fatal: true });
        expect(result.stderr).toContain('Every code expired without a scan');
        expectTokenAbsent(result, TOKEN);
      } finally {
        await quick.close();
      }
    },
  );
});
