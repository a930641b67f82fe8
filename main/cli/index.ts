/**
 * The `wawp-link` terminal front end (bin/wawp-link.js loads the build of this file). Runs the same
 * login engine as the desktop app. Ctrl-C / SIGTERM stop the engine cleanly and exit 130.
 */
import { readFileSync } from 'node:fs';
import { createLoginSession } from '../login/session';
import { createWawpClient } from '../wawp/client';
import { KeytarStore } from '../store/keytar-store';
import type { SecretStore } from '../store/secrets';
import type { CliContext } from './context';
import { processIo } from './io';
import { openInstanceConfigs } from './settings-adapter';
import type { InstanceConfigs } from './instance-configs';
import { runCli } from './run';

/** Same relative path from main/cli/index.ts (tsx) and out/main/cli.js (build). */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const interrupt = new AbortController();
let firstSignalAt: number | null = null;
const onSignal = (): void => {
  const now = Date.now();
  // A second Ctrl-C forces the exit. One within 250 ms is not a person: conf's exit hook (when-exit)
  // re-raises the signal it caught, which would cut short the clean-up (stop, revoke a temp link).
  if (firstSignalAt !== null && now - firstSignalAt > 250) process.exit(130);
  firstSignalAt ??= now;
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let secrets: SecretStore | undefined;
let configs: InstanceConfigs | undefined;
const io = processIo(interrupt.signal);
const ctx: CliContext = {
  io,
  version: readVersion(),
  secrets: () => (secrets ??= new KeytarStore()),
  instances: () => (configs ??= openInstanceConfigs(io.env, (text) => io.err(text))),
  createClient: createWawpClient,
  createSession: createLoginSession,
};

const code = await runCli(ctx, process.argv.slice(2));
process.exitCode = code;
// Flush stdout before leaving: a pipe reader must get every JSON line.
process.stdout.write('', () => process.exit(code));
