/**
 * Real D-Bus pieces for the keychain failure-class tests: a bare private session bus (no service
 * directories, so nothing auto-activates) and, on it, a gnome-keyring fed a chosen stdin. Every process
 * is tracked by PID and stopped by stopAll().
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pids: number[] = [];

/** Starts a private bus under `dir`; returns its address. */
export function startBus(dir: string): string {
  mkdirSync(join(dir, 'bus'), { recursive: true });
  writeFileSync(
    join(dir, 'bus.conf'),
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir=${dir}/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  const [address, pid] = execFileSync('dbus-daemon', [
    `--config-file=${join(dir, 'bus.conf')}`,
    '--fork',
    '--nopidfile',
    '--print-address=1',
    '--print-pid=1',
  ])
    .toString()
    .trim()
    .split('\n');
  pids.push(Number(pid));
  return address!;
}

/** A clean environment for `dir`: no display, own runtime/data/config folders, the given bus (if any). */
export function isolatedEnv(dir: string, busAddress?: string): NodeJS.ProcessEnv {
  for (const sub of ['run', 'data', 'config', 'home'])
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  return {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    NO_AT_BRIDGE: '1',
    ...(busAddress ? { DBUS_SESSION_BUS_ADDRESS: busAddress } : {}),
  };
}

/** Starts gnome-keyring's secrets component on the env's bus with `stdin` as its unlock password input. */
export async function startKeyring(env: NodeJS.ProcessEnv, stdin: string): Promise<number> {
  const child = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.end(stdin);
  pids.push(child.pid!);
  for (let i = 0; i < 200; i++) {
    const reply = execFileSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env },
    ).toString();
    if (reply.includes('boolean true')) return child.pid!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets');
}

/** Sends `signal` to one tracked process. */
export function signal(pid: number, name: NodeJS.Signals): void {
  process.kill(pid, name);
}

/** Stops every process started here (by PID, resuming stopped ones first). */
export function stopAll(): void {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
