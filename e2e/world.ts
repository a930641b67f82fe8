/**
 * A private world for each launched app: its own settings folder (WAWP_LINK_CONFIG_DIR, which is also the
 * single-instance lock's folder) and, on Linux where gnome-keyring exists, its own D-Bus session with a
 * keyring that works or hangs (SIGSTOP: every Secret Service call blocks). Launches through Playwright's
 * `_electron`; second launches are plain processes (they hand their argv to the first and exit).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { isolatedEnv, signal, startBus, startKeyring, stopAll } from '../test/store/dbus-fixture';

import type { Launchable } from './describe-app';

/** How the world's keychain behaves: `working`, `hanging` (Linux with gnome-keyring only) or the host's own. */
export type KeyringMode = 'working' | 'hanging' | 'host';

export interface World {
  env: NodeJS.ProcessEnv;
  configDir: string;
  dispose(): void;
}

/** Linux needs --no-sandbox: the unpacked chrome-sandbox is not setuid root, and CI runners limit user namespaces. */
const PLATFORM_ARGS = process.platform === 'linux' ? ['--no-sandbox'] : [];

/** Creates a world; `hanging` needs gnome-keyring (callers skip elsewhere). */
export async function createWorld(mode: KeyringMode): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'wawp-e2e-'));
  const configDir = join(root, 'config');
  let env: NodeJS.ProcessEnv = { ...process.env, WAWP_LINK_CONFIG_DIR: configDir, NO_AT_BRIDGE: '1' };
  if (mode !== 'host') {
    // Everything D-Bus and XDG comes from the private world; the display (xvfb-run) and its auth stay.
    env = {
      ...isolatedEnv(root, startBus(root)),
      WAWP_LINK_CONFIG_DIR: configDir,
      NO_AT_BRIDGE: '1',
      DISPLAY: process.env.DISPLAY,
      XAUTHORITY: process.env.XAUTHORITY,
    };
    const pid = await startKeyring(env, '\n');
    if (mode === 'hanging') signal(pid, 'SIGSTOP');
  }
  return {
    env,
    configDir,
    dispose() {
      if (mode !== 'host') stopAll();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Launches the app in `world` and waits for its first window's page. */
export async function launchApp(
  target: Launchable,
  world: World,
  args: string[] = [],
): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: target.executablePath,
    args: [...target.args, ...PLATFORM_ARGS, ...args],
    env: withoutUndefined(world.env),
    timeout: 30_000,
  });
  const page = await app.firstWindow({ timeout: 30_000 });
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** Runs a second instance with `args` in `world`; resolves with its exit code (it should hand over and exit). */
export function secondLaunch(target: Launchable, world: World, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(target.executablePath, [...target.args, ...PLATFORM_ARGS, ...args], {
      env: withoutUndefined(world.env),
      stdio: 'ignore',
    });
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the second launch did not exit within 20 s'));
    }, 20_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
  });
}

/** Ends the app whatever state it is in (teardown must not mask the assertion that failed). */
export async function closeApp(app: ElectronApplication | null): Promise<void> {
  if (!app) return;
  const child = app.process();
  await app.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
  await app.close().catch(() => undefined);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function withoutUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
