/**
 * End-to-end in a real terminal (tmux): the built CLI draws the QR in place, the test "phone" decodes the
 * code from the screen text and scans exactly that value, and the screen ends with "Linked as …".
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { assertBuilt, BIN, ROOT, tempConfigDir } from './cli-harness';
import { decodeHalfBlocks } from './half-block-qr';

const TOKEN = 'tok-tty-e2e-93ce1f7a20';
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();
const socket = `wawp-cli-test-${process.pid}`;
const tmux = (...args: string[]): string =>
  execFileSync('tmux', ['-L', socket, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color' },
  });
const screen = (): string => tmux('capture-pane', '-p', '-t', 'cli');

/** Reads the half-block QR off the screen and decodes it like a phone camera would. */
function decodeScreen(text: string): string | null {
  const rows = text.split('\n').filter((r) => /[█▀▄]/.test(r));
  return rows.length === 0 ? null : decodeHalfBlocks(rows, { rows: 3, columns: 4 });
}

/** Polls the screen until `check` passes (or fails with the last screen after `ms`). */
async function waitForScreen(check: (text: string) => boolean, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    text = screen();
    if (check(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`screen never matched; last screen:\n${text}`);
}

describe.skipIf(!hasTmux)(
  `wawp-link login in a terminal${hasTmux ? '' : ' (skipped: tmux is not installed)'}`,
  () => {
    let sim: RunningSimulator;
    let conf: ReturnType<typeof tempConfigDir>;
    beforeAll(async () => {
      assertBuilt();
      conf = tempConfigDir();
      sim = await startSimulator({ bootDelayMs: 200, qrFirstTtlMs: 30_000, postScanDelayMs: 200 });
      sim.addToken(TOKEN);
    });
    afterAll(async () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
      await sim.close();
      conf.remove();
    });

    it(
      'draws a scannable code in place; scanning what is on screen links it',
      { timeout: 60_000 },
      async () => {
        const id = sim.addInstance(TOKEN);
        const cmd = `WAWP_ACCESS_TOKEN='${TOKEN}' WAWP_LINK_CONFIG_DIR='${conf.dir}' '${process.execPath}' '${BIN}' login ${id} --base-url ${sim.baseUrl}; echo "EXIT=$?"; sleep 120`;
        tmux('new-session', '-d', '-s', 'cli', '-x', '100', '-y', '60', '-c', ROOT, cmd);

        const first = await waitForScreen((t) => t.includes('Code 1 of ~6') && decodeScreen(t) !== null);
        const onScreen = decodeScreen(first)!;
        expect(onScreen).toBe(sim.snapshot(id)!.qr!.value);
        expect(first).toContain('Status: Waiting for a scan');
        // The countdown ticks by redrawing in place: after a tick there is still exactly one frame.
        const countdown = /expires in (0:[0-5]\d)/.exec(first)![1]!;
        const ticked = await waitForScreen((t) => /expires in (0:[0-5]\d)/.exec(t)?.[1] !== countdown);
        expect(ticked.match(/Code 1 of ~6/g)).toHaveLength(1);
        expect(ticked.match(/wawp-link · instance/g)).toHaveLength(1);

        expect(sim.scan(id, { value: onScreen, phone: '201012345678', pushName: 'Ann' })).toEqual({
          ok: true,
        });
        const last = await waitForScreen((t) => t.includes('EXIT='));
        expect(last).toContain('Linked as +20 10 12345678 (Ann)');
        expect(last).toContain('EXIT=0');
        expect(last).not.toMatch(/[█▀▄]/); // the dead code is gone from the screen
        expect(last).not.toContain(TOKEN);
      },
    );
  },
);
