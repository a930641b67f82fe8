/** `wawp-link demo`: the whole login flow against the built-in simulator, in-process on 127.0.0.1. */
import { seedDemo, startSimulator } from '../../../simulator/index';
import { DEFAULT_TIMING, scaleTiming } from '../../login/schedule';
import { parseCommandArgs, parseSeconds } from '../args';
import type { CliContext } from '../context';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { DEMO_HELP } from '../help';
import { lookFor, runLogin } from '../login-runner';
import { watchKeys } from '../keys';

const OPTIONS = {
  'auto-scan-after': { type: 'string' },
  'time-scale': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Scanning needs a person at a terminal, else a timer: 5 s by default when no key can be pressed. */
const DEFAULT_AUTO_SCAN_MS = 5000;

/** Runs `demo`; resolves like `login` (0 once the simulated phone has linked). */
export async function demoCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values } = parseCommandArgs('demo', argv, OPTIONS);
  if (values.help) return (ctx.io.out(DEMO_HELP), EXIT.linked);
  const { io } = ctx;
  const json = values.json === true;
  const timeScale = values['time-scale'] === undefined ? 0.5 : Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 10) {
    throw new UsageError(
      `--time-scale needs a factor between 0 and 10, e.g. 0.1 (got "${values['time-scale']}").`,
    );
  }
  const interactive = io.stdinIsTTY && io.stdoutIsTTY && !json;
  const explicitScanMs = parseSeconds(
    'auto-scan-after',
    values['auto-scan-after'] ?? io.env.WAWP_DEMO_AUTO_SCAN_AFTER,
  );
  const autoScanMs = explicitScanMs ?? (interactive ? undefined : DEFAULT_AUTO_SCAN_MS);

  const sim = await startSimulator({ timeScale });
  const stop = new AbortController();
  let stopKeys = (): void => undefined;
  let scanTimer: NodeJS.Timeout | null = null;
  try {
    const { token, instanceId } = seedDemo(sim);
    let shown: string | null = null;
    const scan = (): void => {
      if (!shown) return;
      const result = sim.scan(instanceId, { value: shown, phone: '201012345678', pushName: 'Demo User' });
      if (!result.ok && !json) io.err(`Scan refused by the simulated phone: ${result.reason}.\n`);
    };
    // Ask the terminal about its theme before the keys are read, or its answer would count as a key press.
    const look = await lookFor(io, json, false);
    if (interactive) stopKeys = watchKeys(io.stdin, { onKey: scan, onInterrupt: () => stop.abort() });
    const client = ctx.createClient({ baseUrl: sim.baseUrl, instanceId, accessToken: token });
    // The engine's polls follow the simulator's clock, so a sped-up demo stays snappy.
    const timing = scaleTiming(DEFAULT_TIMING, Math.min(1, timeScale));
    const session = ctx.createSession({ client, autoStart: true, timing });
    const hint =
      autoScanMs !== undefined
        ? `Demo: the simulated phone scans ${autoScanMs / 1000} s after a code appears.`
        : 'Demo: press any key to "scan" the code with the simulated phone (Ctrl-C quits).';
    const code = await runLogin({
      io,
      session,
      json,
      title: `wawp-link demo · simulator at ${sim.baseUrl} · instance ${instanceId}`,
      steps: { command: 'login', instanceId, baseUrl: sim.baseUrl, baseUrlFrom: 'flag', tokenSource: 'env' },
      autoStart: true,
      restarts: 3,
      extraHint: hint,
      alternative: null,
      look,
      stopSignal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'qr') {
          shown = event.value;
          if (autoScanMs !== undefined) {
            // Each new code re-arms the phone; the default delay shrinks to fit short (sped-up) codes.
            if (scanTimer) clearTimeout(scanTimer);
            const life = Math.max(0, event.expiresAt - Date.now());
            scanTimer = setTimeout(scan, explicitScanMs ?? Math.min(autoScanMs, life / 2));
          }
        } else if (event.type === 'qr-expired' || event.type === 'exhausted') {
          shown = null;
        }
      },
    });
    if (code === EXIT.linked && !json) {
      io.err(
        'That was the demo. To link a real number:\n  wawp-link instances add <instance-id>\n  wawp-link login <instance-id>\n',
      );
    }
    return code;
  } finally {
    stopKeys();
    if (scanTimer) clearTimeout(scanTimer);
    await sim.close();
  }
}
