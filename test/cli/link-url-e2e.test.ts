/**
 * End-to-end: the built CLI's `link-url` against a real simulator — the link printed (URL alone on stdout,
 * or a JSON `link` event), the remote phone opening it, revoked on success and Ctrl-C, kept with --keep.
 */
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectTokenAbsent, jsonLines, runCli, spawnCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-link-url-e2e-8d41c2';
const LINK = /^https:\/\/app\.wawp\.net\/temp-qr\/[0-9a-f]{64}$/;
const world = useCliWorld(TOKEN, { bootDelayMs: 200, postScanDelayMs: 200, statusWaitMs: 300 });
const env = () => ({ WAWP_ACCESS_TOKEN: TOKEN, WAWP_LINK_CONFIG_DIR: world.configDir });
const args = (id: string, ...more: string[]) => ['link-url', id, '--base-url', world.sim.baseUrl, ...more];

/** Plays the remote phone: once the session shows a code, opens the link and scans. */
async function openWhenScannable(id: string, url: string): Promise<void> {
  for (let i = 0; i < 400 && world.sim.snapshot(id)?.status !== 'SCAN_QR_CODE'; i++)
    await new Promise((r) => setTimeout(r, 25));
  expect(world.sim.openTempLink(url, { phone: '447700900123', pushName: 'Remote' })).toEqual({ ok: true });
}

describe('wawp-link link-url (built CLI, real simulator)', () => {
  it('--json: a link event with its expiry, linked through the link, then revoked; exit 0', async () => {
    const id = world.sim.addInstance(TOKEN);
    const opened: Promise<void>[] = [];
    const result = await runCli(args(id, '--json'), {
      env: env(),
      onLine: (line) => {
        const event = JSON.parse(line) as { type: string; url?: string };
        if (event.type === 'link') opened.push(openWhenScannable(id, event.url!));
      },
    });
    await Promise.all(opened);
    expect(result.code, result.stderr).toBe(0);
    const events = jsonLines(result.stdout);
    const link = events.find((e) => e.type === 'link')!;
    expect(link.url).toMatch(LINK);
    expect(link).toMatchObject({ reused: false, replaced: false });
    expect(Date.parse(link.expires as string)).toBe(link.expiresAt);
    expect((link.expiresAt as number) - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(events).toContainEqual(expect.objectContaining({ type: 'status', status: 'SCAN_QR_CODE' }));
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'linked', me: { id: '447700900123@c.us', pushName: 'Remote' } }),
    );
    expect(events.at(-1)).toEqual({ type: 'revoked', why: 'linked' });
    expect(events.some((e) => e.type === 'qr')).toBe(false);
    expect(world.sim.tempLink(id)).toBeNull();
    expect(world.sim.snapshot(id)!.status).toBe('WORKING');
    expectTokenAbsent(result, TOKEN);
  });

  it('for people: the URL alone on stdout, the explanation and "Linked as" on stderr', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const opened: Promise<void>[] = [];
    const result = await runCli(args(id), {
      env: env(),
      onLine: (line) => void opened.push(openWhenScannable(id, line)),
    });
    await Promise.all(opened);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(LINK);
    expect(result.stderr).toContain("Send this link to the phone's owner");
    expect(result.stderr).toContain('Linked as +44 7700 900123 (Remote)');
  });

  it('Ctrl-C revokes the link (exit 130); with --keep the link stays', async () => {
    for (const keep of [false, true]) {
      const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
      const run = spawnCli(args(id, '--json', ...(keep ? ['--keep'] : [])), {
        env: env(),
        onLine: (line, child: ChildProcess) => {
          if ((JSON.parse(line) as { type: string }).type === 'link') child.kill('SIGINT');
        },
      });
      const result = await run.done;
      expect(result.code, result.stderr).toBe(130);
      if (keep) {
        expect(world.sim.tempLink(id)).not.toBeNull();
        expect(result.stderr).toContain('the link was kept');
      } else {
        expect(world.sim.tempLink(id)).toBeNull();
        expect(jsonLines(result.stdout).at(-1), result.stdout + result.stderr).toEqual({
          type: 'revoked',
          why: 'cancelled',
        });
      }
    }
  });

  it('reuses a live link; --new replaces it and says the old one stops working', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const first = spawnCli(args(id, '--json', '--keep'), {
      env: env(),
      onLine: (line, child) => void child.kill('SIGINT'),
    });
    await first.done;
    const kept = world.sim.tempLink(id)!.url;
    const second = await runCli(args(id, '--json', '--timeout', '1'), { env: env() });
    expect(jsonLines(second.stdout)[0]).toMatchObject({ type: 'link', url: kept, reused: true });
    expect(world.sim.tempLink(id)).toBeNull(); // the timeout revoked it
    await runCli(args(id, '--json', '--keep', '--timeout', '1'), { env: env() });
    const third = await runCli(args(id, '--new', '--timeout', '1'), { env: env() });
    expect(third.code).toBe(5);
    expect(third.stderr).toContain('any link sent before no longer works');
  });

  it('an expired link gives up with exit 5; a wrong token exits 3', async () => {
    world.sim.config.tempLinkTtlMs = 1500;
    try {
      const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
      const expired = await runCli(args(id, '--json'), { env: env() });
      expect(expired.code, expired.stderr).toBe(5);
      expect(jsonLines(expired.stdout).map((e) => e.type)).toContain('link-expired');
      expect(expired.stderr).toContain('The link expired');
    } finally {
      world.sim.config.tempLinkTtlMs = 30 * 60_000;
    }
    const id = world.sim.addInstance(TOKEN);
    const wrong = await runCli(args(id), { env: { ...env(), WAWP_ACCESS_TOKEN: 'not-the-token' } });
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toBe('');
  });

  it('--help names the options', async () => {
    const help = await runCli(['link-url', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--json', '--keep', '--new', '--timeout']) expect(help.stdout).toContain(flag);
  });
});
