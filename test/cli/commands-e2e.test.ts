/** End-to-end: `pair` (pairing code typed on the simulated phone), `status --json`, and `demo` as a script runs it. */
import { describe, expect, it } from 'vitest';
import { expectTokenAbsent, jsonLines, runCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-commands-e2e-0a7c44e2d9';
const world = useCliWorld(TOKEN, {
  bootDelayMs: 200,
  qrFirstTtlMs: 20_000,
  postScanDelayMs: 200,
  statusWaitMs: 300,
});

const env = () => ({ WAWP_ACCESS_TOKEN: TOKEN, WAWP_LINK_CONFIG_DIR: world.configDir });

describe('wawp-link pair', () => {
  it('--json: requests one code for the phone, links when it is typed on the phone', async () => {
    const id = world.sim.addInstance(TOKEN);
    const result = await runCli(
      ['pair', id, '--phone', '+20 101 234 5678', '--base-url', world.sim.baseUrl, '--json'],
      {
        env: env(),
        onLine: (line) => {
          const event = JSON.parse(line) as { type: string; code?: string };
          if (event.type === 'pairing-code')
            world.sim.enterCode(id, event.code!, { phone: '201012345678', pushName: 'Ann' });
        },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const events = jsonLines(result.stdout);
    const codes = events.filter((e) => e.type === 'pairing-code');
    expect(codes).toHaveLength(1);
    expect(codes[0]!.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(world.sim.requestCount('auth/request-code')).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'connected', me: { id: '201012345678@c.us' } });
    expectTokenAbsent(result, TOKEN);
  });

  it('shows the code large as ABCD-1234 for people, without a QR', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const result = await runCli(['pair', id, '--phone', '201012345678', '--base-url', world.sim.baseUrl], {
      env: env(),
      onLine: (line) => {
        const m = /^Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(line);
        if (m) world.sim.enterCode(id, m[1]!, { phone: '201012345678', pushName: 'Ann' });
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /│ {3}[A-Z0-9] [A-Z0-9] [A-Z0-9] [A-Z0-9] - [A-Z0-9] [A-Z0-9] [A-Z0-9] [A-Z0-9] {3}│/,
    );
    expect(result.stdout).not.toContain('█');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Linked as +20 10 12345678 (Ann)');
  });

  it('an invalid phone number is a usage error (exit 2) that shows the expected form, before any request', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const before = world.sim.requestCount();
    const result = await runCli(['pair', id, '--phone', '12', '--base-url', world.sim.baseUrl, '--json'], {
      env: env(),
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--phone:');
    expect(result.stderr).toContain('+20 101 234 5678');
    expect(world.sim.requestCount()).toBe(before);
  });
});

describe('wawp-link status', () => {
  it('--json prints one line per instance; a failure sets the exit code and is reported, not hidden', async () => {
    const working = world.sim.addInstance(TOKEN, {
      status: 'WORKING',
      me: { id: '447911123456@c.us', pushName: 'Bo' },
    });
    const stopped = world.sim.addInstance(TOKEN);
    const result = await runCli(
      ['status', working, stopped, 'BBBBBBBBBBBB', '--base-url', world.sim.baseUrl, '--json'],
      {
        env: env(),
      },
    );
    expect(result.code).toBe(4);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({
        type: 'status',
        instanceId: working,
        status: 'WORKING',
        me: { id: '447911123456@c.us', pushName: 'Bo' },
      }),
      expect.objectContaining({ type: 'status', instanceId: stopped, status: 'STOPPED', me: null }),
      expect.objectContaining({
        type: 'error',
        instanceId: 'BBBBBBBBBBBB',
        code: 'not_found',
        title: 'Wawp does not know this instance',
        next: 'copy the instance id from your Wawp dashboard, then: wawp-link status <instance-id>',
        fatal: true,
      }),
    ]);
    expect(result.stderr).toContain('BBBBBBBBBBBB:');
    expect(world.sim.snapshot(stopped)!.status).toBe('STOPPED'); // status only reads
    expectTokenAbsent(result, TOKEN);
  });
});

describe('wawp-link demo', () => {
  it(
    '--json with --auto-scan-after runs the whole flow on the built-in simulator and exits 0',
    { timeout: 60_000 },
    async () => {
      const result = await runCli(['demo', '--json', '--auto-scan-after', '0.5', '--time-scale', '0.05'], {});
      expect(result.code, result.stderr).toBe(0);
      const events = jsonLines(result.stdout);
      expect(events.some((e) => e.type === 'qr')).toBe(true);
      expect(events.at(-1)).toMatchObject({ type: 'connected', me: { pushName: 'Demo User' } });
    },
  );
});
