/**
 * End-to-end in a real terminal (tmux): the built CLI draws the QR in place, fits it to the terminal or
 * says what size it needs, keeps counting down and redraws on resize. The test "phone" paints each
 * capture with a light and a dark theme's colours (screen-image.ts), decodes the code and scans
 * exactly that value.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { assertBuilt, BIN, ROOT, tempConfigDir } from './cli-harness';
import { DARK, decodeScreen, LIGHT, tmuxStyle, type Theme } from './screen-image';

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
/** The pane as shown, colours (`-e`) and trailing blanks (`-N`: they may be painted) included, per row. */
const capture = (name: string): string[] => tmux('capture-pane', '-p', '-e', '-N', '-t', name).split('\n');
const plainText = (name: string): string => tmux('capture-pane', '-p', '-t', name);
const countdown = (text: string): string | null => /expires in (\d+:\d\d)/.exec(text)?.[1] ?? null;
const hasBlocks = (text: string): boolean => /[█▀▄]/.test(text);

/** Polls until `check` passes (or fails with the last screen after `ms`). */
async function waitFor(name: string, check: (text: string) => boolean, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    text = plainText(name);
    if (check(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`screen never matched; last screen:\n${text}`);
}

/** Polls until the capture, painted in `theme`, decodes. */
async function waitForCode(name: string, theme: Theme, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const decoded = decodeScreen(capture(name), theme);
    if (decoded) return decoded;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code could be read in the ${theme.name} theme; last screen:\n${plainText(name)}`);
}

describe.skipIf(!hasTmux)(
  `wawp-link login in a terminal${hasTmux ? '' : ' (skipped: tmux is not installed)'}`,
  () => {
    let sim: RunningSimulator;
    let conf: ReturnType<typeof tempConfigDir>;
    let sessions = 0;
    /** Starts `login` for a new instance in a tmux window of the given size and theme. */
    const start = (opts: { columns: number; rows: number; theme: Theme; color: boolean }) => {
      const id = sim.addInstance(TOKEN);
      const name = `cli${++sessions}`;
      const noColor = opts.color ? '' : 'NO_COLOR=1 ';
      const cmd = `${noColor}WAWP_ACCESS_TOKEN='${TOKEN}' WAWP_LINK_CONFIG_DIR='${conf.dir}' '${process.execPath}' '${BIN}' login ${id} --base-url ${sim.baseUrl}; echo "EXIT=$?"; sleep 120`;
      // The theme is set before the CLI starts, so tmux answers its background question with it.
      tmux(
        'new-session',
        '-d',
        '-s',
        name,
        '-x',
        String(opts.columns),
        '-y',
        String(opts.rows),
        '-c',
        ROOT,
        'sleep 120',
      );
      tmux('set-option', '-t', name, 'window-style', tmuxStyle(opts.theme));
      tmux('respawn-pane', '-k', '-t', name, cmd);
      return { id, name };
    };
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
      'draws a code in place that scans; scanning what is on screen links it',
      { timeout: 60_000 },
      async () => {
        const { id, name } = start({ columns: 100, rows: 45, theme: LIGHT, color: true });
        const onScreen = await waitForCode(name, LIGHT);
        expect(onScreen).toBe(sim.snapshot(id)!.qr!.value);
        const first = plainText(name);
        expect(first).toContain('Code 1 of ~6');
        expect(first).toContain('Status: Waiting for a scan');
        // The countdown ticks by redrawing in place: after a tick there is still exactly one frame.
        const ticked = await waitFor(name, (t) => countdown(t) !== null && countdown(t) !== countdown(first));
        expect(ticked.match(/Code 1 of ~6/g)).toHaveLength(1);
        expect(ticked.match(/wawp-link · instance/g)).toHaveLength(1);

        expect(sim.scan(id, { value: onScreen, phone: '201012345678', pushName: 'Ann' })).toEqual({
          ok: true,
        });
        const last = await waitFor(name, (t) => t.includes('EXIT='));
        expect(last).toContain('Linked as +20 10 12345678 (Ann)');
        expect(last).toContain('EXIT=0');
        expect(hasBlocks(last)).toBe(false); // the screen is given back without the dead code
        expect(last).not.toContain(TOKEN);
      },
    );

    it.each([
      [LIGHT, true],
      [DARK, true],
      [LIGHT, false],
      [DARK, false],
    ])('the code scans on a %s theme (colours: %s)', { timeout: 40_000 }, async (theme, color) => {
      const { id, name } = start({ columns: 100, rows: 45, theme, color });
      expect(await waitForCode(name, theme)).toBe(sim.snapshot(id)!.qr!.value);
      const colourCode = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[34]\\dm`);
      if (!color) expect(capture(name).join('\n')).not.toMatch(colourCode);
      expect(plainText(name)).not.toContain('Looks inverted'); // the terminal told its theme
      expect(capture(name).join('\n')).not.toContain(TOKEN);
      tmux('kill-session', '-t', name);
    });

    it(
      'at 80×24 and at 40 columns says the size it needs and the pairing alternative, keeps counting, and draws the code once the window is big enough',
      { timeout: 60_000 },
      async () => {
        const { id, name } = start({ columns: 80, rows: 24, theme: DARK, color: true });
        const small = await waitFor(name, (t) => t.includes('The QR code needs at least'));
        expect(small).toMatch(/needs at least \d\d×\d\d \(this terminal is 80×24\)/);
        expect(small).toContain(`wawp-link pair ${id} --phone <number>`);
        expect(hasBlocks(small)).toBe(false);
        const before = countdown(small);
        expect(before).not.toBeNull();
        // The countdown keeps going while the code cannot be shown.
        await waitFor(name, (t) => countdown(t) !== null && countdown(t) !== before);

        tmux('resize-window', '-t', name, '-x', '100', '-y', '45');
        expect(await waitForCode(name, DARK)).toBe(sim.snapshot(id)!.qr!.value);
        const big = plainText(name);
        expect(big).not.toContain('needs at least');
        await waitFor(name, (t) => countdown(t) !== null && countdown(t) !== countdown(big));

        tmux('resize-window', '-t', name, '-x', '40', '-y', '30');
        const narrow = await waitFor(name, (t) => t.replace(/\s+/g, ' ').includes('terminal is 40×30'));
        expect(hasBlocks(narrow)).toBe(false);
        // The command is only soft-wrapped by the terminal, so it copies as one line.
        const joined = tmux('capture-pane', '-p', '-J', '-t', name);
        expect(joined).toContain(`Or link by phone number: wawp-link pair ${id} --phone <number>`);
        await waitFor(name, (t) => countdown(t) !== null && countdown(t) !== countdown(narrow));
        for (const text of [small, big, narrow, joined]) expect(text).not.toContain(TOKEN);
        tmux('kill-session', '-t', name);
      },
    );
  },
);
