/** Spawns the built CLI (`node bin/wawp-link.js …`) and collects its output; every run is awaited or killed. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/index';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/wawp-link.js');

/** Fails clearly when the build is missing (the test pipeline builds before vitest). */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) {
    throw new Error('out/main/cli.js is missing: run "npm run build" before these tests.');
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves with everything once the process has exited. */
  done: Promise<CliResult>;
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (stdin is always a pipe, never a TTY). */
  input?: string;
  /** Called for every complete stdout line as it arrives. */
  onLine?: (line: string, child: ChildProcess) => void;
}

/** A private settings dir per test file, so no run touches the user's real settings. */
export function tempConfigDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wawp-cli-conf-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const running = new Set<ChildProcess>();

/** Kills (by PID) any CLI a failed test left running. */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `wawp-link …args` with a clean environment (no inherited token or base URL). */
export function spawnCli(args: string[], opts: SpawnOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.WAWP_ACCESS_TOKEN;
  delete env.WAWP_BASE_URL;
  delete env.WAWP_DEMO_AUTO_SCAN_AFTER;
  for (const [key, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    partial += chunk;
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl);
      partial = partial.slice(nl + 1);
      opts.onLine?.(line, child);
    }
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(opts.input ?? '');
  const done = new Promise<CliResult>((resolveDone) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolveDone({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs to completion. */
export function runCli(args: string[], opts: SpawnOptions = {}): Promise<CliResult> {
  return spawnCli(args, opts).done;
}

/** Parses stdout as JSON lines, failing on any line that is not one JSON object. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`stdout line ${i + 1} is not JSON: ${JSON.stringify(line)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`stdout line ${i + 1} is not a JSON object: ${line}`);
    }
    return value as Record<string, unknown>;
  });
}

/** The token must not appear in a single byte of the CLI's output. */
export function expectTokenAbsent(result: CliResult, token: string): void {
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
}

/** A simulator with `token` seeded and a temp settings folder, for one test file (or describe block). */
export interface CliWorld {
  readonly sim: RunningSimulator;
  readonly configDir: string;
}

/**
 * Registers the hooks every CLI end-to-end suite needs: build check, simulator and settings folder up before,
 * leftover CLI processes killed after each test, everything stopped and removed after all.
 */
export function useCliWorld(token: string, simOptions: SimulatorOptions): CliWorld {
  let sim: RunningSimulator | undefined;
  let conf: ReturnType<typeof tempConfigDir> | undefined;
  beforeAll(async () => {
    assertBuilt();
    conf = tempConfigDir();
    sim = await startSimulator(simOptions);
    sim.addToken(token);
  });
  afterEach(() => killLeftovers());
  afterAll(async () => {
    await sim?.close();
    conf?.remove();
  });
  return {
    get sim() {
      if (!sim) throw new Error('The simulator starts in beforeAll.');
      return sim;
    },
    get configDir() {
      if (!conf) throw new Error('The settings folder is made in beforeAll.');
      return conf.dir;
    },
  };
}
