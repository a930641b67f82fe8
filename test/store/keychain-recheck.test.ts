/**
 * The keychain's state follows reality on the real gnome-keyring, in one process: works -> locked (a token
 * read is refused and the state says locked) -> unlocked (the next token read re-checks by itself and works,
 * no restart). Locking and unlocking go over D-Bus (keyring-lock.py, python3-dbus), with the password the
 * keyring was created with (a newline on the daemon's stdin).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, startBus, startKeyring, stopAll } from './dbus-fixture';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const LOCK_SCRIPT = join(import.meta.dirname, 'keyring-lock.py');
/** The password gnome-keyring-daemon --unlock read from stdin when the fixture created the keyring. */
const KEYRING_PASSWORD = '\n';

function whyUnavailable(): string | null {
  if (process.env.WAWP_TEST_KEYRING_UNAVAILABLE) return process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
  const probe = spawnSync(PYTHON, ['-c', 'import dbus'], { encoding: 'utf8' });
  return probe.status === 0 ? null : '(python3-dbus is not installed: apt install python3-dbus)';
}
const unavailable = whyUnavailable();

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: string;
  state: string;
}

/** The child running the app's secret switch; `ask` sends one command and waits for its answer. */
function startChild(env: NodeJS.ProcessEnv): {
  ask(command: string): Promise<Answer>;
  child: ChildProcessWithoutNullStreams;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'recheck-child.ts')], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async ask(command) {
      child.stdin.write(`${command}\n`);
      const guard = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer to ${command} in 20 s; stderr: ${stderr}`)),
          20_000,
        ).unref(),
      );
      const next = await Promise.race([lines.next(), guard]);
      if (next.done) throw new Error(`child ended; stderr: ${stderr}`);
      return JSON.parse(next.value) as Answer;
    },
  };
}

function keyring(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return spawnSync(PYTHON, [LOCK_SCRIPT, ...args], { env, encoding: 'utf8' }).stdout.trim();
}

describe.skipIf(Boolean(unavailable))(`keychain re-check on the real keyring ${unavailable ?? ''}`, () => {
  let root = '';
  let child: ChildProcessWithoutNullStreams | null = null;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'wawp-recheck-'));
  });
  afterAll(() => {
    if (child?.pid) process.kill(child.pid, 'SIGKILL');
    stopAll();
    rmSync(root, { recursive: true, force: true });
  });

  it('locked -> refused -> unlocked -> works, without a restart', async () => {
    const env = isolatedEnv(root, startBus(root));
    await startKeyring(env, KEYRING_PASSWORD);
    const app = startChild(env);
    child = app.child;

    expect(await app.ask('health')).toMatchObject({ value: { state: 'checking' } });
    expect(await app.ask('recheck')).toMatchObject({ ok: true, state: 'ok' });
    expect(await app.ask('set')).toMatchObject({ ok: true, value: 'saved' });
    expect(await app.ask('get')).toEqual({ ok: true, value: 'tok-recheck-1234', state: 'ok' });

    expect(keyring(env, 'lock')).toBe('locked');
    const refused = await app.ask('get');
    expect(refused).toMatchObject({ ok: false, state: 'locked' });
    expect(refused.error).toMatch(/locked/i);
    expect(refused.error).not.toContain('tok-recheck-1234');
    // Still locked: the next read re-checks, finds it locked again and reads nothing.
    expect(await app.ask('get')).toEqual({ ok: true, value: null, state: 'locked' });

    expect(keyring(env, 'unlock', KEYRING_PASSWORD)).toBe('unlocked');
    // No "Try again" needed: the next token read re-checks by itself.
    expect(await app.ask('get')).toEqual({ ok: true, value: 'tok-recheck-1234', state: 'ok' });
  });
});
