import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeychainHealth } from '../../main/store/secrets';
import { isolatedEnv, signal, startBus, startKeyring, stopAll } from './dbus-fixture';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
const root = mkdtempSync(join(tmpdir(), 'wawp-keychain-fail-'));
let n = 0;
const freshDir = () => mkdtempSync(join(root, `${n++}-`));

/**
 * Runs the probe in a child with exactly `env` and returns the health it prints. The child is killed by PID
 * once it has answered: a timed-out keytar call stays blocked in a native thread and would delay its exit.
 * The parent's own guard (kill after 20 s) turns a hang into a failure instead of a stuck test run.
 */
function probeIn(env: NodeJS.ProcessEnv, timeoutMs = 1500, runs = 1): Promise<KeychainHealth[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'probe-child.ts')], {
      env: { ...env, WAWP_PROBE_TIMEOUT_MS: String(timeoutMs), WAWP_PROBE_RUNS: String(runs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`probe hung (no answer in 20 s); stderr: ${err}`));
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').slice(0, -1);
      if (lines.length < runs) return;
      clearTimeout(guard);
      child.kill('SIGKILL');
      resolve(lines.map((line) => JSON.parse(line) as KeychainHealth));
    });
    child.on('exit', () => {
      clearTimeout(guard);
      if (out.split('\n').length <= runs) reject(new Error(`probe exited without an answer; stderr: ${err}`));
    });
  });
}

describe.skipIf(Boolean(unavailable))(`keychain failure classes ${unavailable ?? ''}`, () => {
  afterAll(() => {
    stopAll();
    rmSync(root, { recursive: true, force: true });
  });

  it('no bus and no display -> no-dbus, with a Linux fix', async () => {
    const health = (await probeIn(isolatedEnv(freshDir())))[0]!;
    expect(health.state).toBe('no-dbus');
    expect(health.message).toMatch(/D-Bus session bus/);
  });

  it('no bus but a dead display -> no-dbus (dbus-launch autolaunch fails)', async () => {
    // No X server listens on :4171, so dbus-launch cannot autolaunch a bus (nothing is left running).
    const health = (await probeIn({ ...isolatedEnv(freshDir()), DISPLAY: ':4171' }))[0]!;
    expect(health.state).toBe('no-dbus');
  });

  it('a bus without a Secret Service -> no-provider', async () => {
    const dir = freshDir();
    const health = (await probeIn(isolatedEnv(dir, startBus(dir))))[0]!;
    expect(health.state).toBe('no-provider');
    expect(health.message).toMatch(/gnome-keyring/);
  });

  it('gnome-keyring without a login collection (empty stdin) -> locked', async () => {
    const dir = freshDir();
    const env = isolatedEnv(dir, startBus(dir));
    await startKeyring(env, '');
    const health = (await probeIn(env))[0]!;
    expect(health.state).toBe('locked');
    expect(health.message).toMatch(/login/);
  });

  it('a keyring that never answers is cut off by the timeout and reported as locked', async () => {
    const dir = freshDir();
    const env = isolatedEnv(dir, startBus(dir));
    const pid = await startKeyring(env, '\n');
    expect((await probeIn(env))[0]!.state).toBe('ok');
    signal(pid, 'SIGSTOP');
    const [first, second] = await probeIn(env, 1000, 2);
    expect(first!.state).toBe('locked');
    expect(first!.message).toMatch(/did not answer within 1 s/);
    // The first call is still blocked natively: the next one fails fast instead of taking another pool thread.
    expect(second!.state).toBe('locked');
    expect(second!.message).toMatch(/still not answering an earlier request/);
  });
});
