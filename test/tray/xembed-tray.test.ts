/**
 * XEmbed tray detection against a real X server (Debian's Xvfb, started with an authority file like a
 * desktop session): no tray → none; a client owning `_NET_SYSTEM_TRAY_S0` (what an XEmbed panel does) →
 * an xembed host, but only when the app draws through X11; a wrong cookie is refused and reads as none.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAction, detectTrayHost, usesX11 } from '../../main/app/tray/tray-host';
import { findXauthCookie, parseDisplay, X11Client, xembedTrayRuns } from '../../main/app/tray/x11-selection';

const haveXvfb = spawnSync('which', ['Xvfb', 'xauth']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'wawp-xembed-'));
const COOKIE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
let display = '';
let server: ChildProcess | null = null;
let env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  if (!haveXvfb) return;
  let number = 180 + Math.floor(Math.random() * 500);
  while (existsSync(`/tmp/.X11-unix/X${number}`)) number += 1;
  display = `:${number}`;
  const authority = join(work, 'Xauthority');
  spawnSync('xauth', ['-f', authority, 'add', display, '.', COOKIE]);
  server = spawn('Xvfb', [display, '-auth', authority, '-nolisten', 'tcp', '-noreset'], { stdio: 'ignore' });
  // -noreset: a bare Xvfb resets when its last client leaves, closing connections made meanwhile.
  // No DBUS_SESSION_BUS_ADDRESS: only the X server can report a tray here.
  env = { DISPLAY: display, XAUTHORITY: authority };
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${number}`); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 20_000);
afterAll(() => {
  if (server?.pid) process.kill(server.pid);
  rmSync(work, { recursive: true, force: true });
});

describe('X11 display and authority parsing', () => {
  it('reads local displays only', () => {
    expect(parseDisplay(':0')).toEqual({ number: '0', screen: 0 });
    expect(parseDisplay(':12.1')).toEqual({ number: '12', screen: 1 });
    expect(parseDisplay('localhost:10.0')).toBeNull(); // ssh forwarding: not asked
    expect(parseDisplay(undefined)).toBeNull();
  });

  it('finds no cookie in an empty or truncated file', () => {
    expect(findXauthCookie(Buffer.alloc(0), '0', 'host')).toBeNull();
    expect(findXauthCookie(Buffer.from([1, 0, 0, 4]), '0', 'host')).toBeNull();
  });
});

describe.skipIf(!haveXvfb)('an XEmbed tray on a real X server', () => {
  it('finds no tray on a bare display', async () => {
    expect(await xembedTrayRuns(env)).toBe(false);
    expect(await detectTrayHost('linux', env, [])).toBe('none');
  });

  it('sees a tray manager once one owns _NET_SYSTEM_TRAY_S0, and only for an X11 app', async () => {
    const panel = await X11Client.open(env);
    try {
      const atom = await panel.internAtom('_NET_SYSTEM_TRAY_S0', false);
      expect(await panel.claimSelection(panel.root, atom)).toBe(panel.root);
      expect(await xembedTrayRuns(env)).toBe(true);
      expect(await detectTrayHost('linux', env, [])).toBe('xembed');
      // Under Wayland GtkStatusIcon cannot reach an XEmbed tray, even through XWayland.
      expect(await detectTrayHost('linux', { ...env, WAYLAND_DISPLAY: 'wayland-0' }, [])).toBe('none');
      expect(
        await detectTrayHost('linux', { ...env, WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform=x11']),
      ).toBe('xembed');
      expect(await xembedTrayRuns({ ...env, XAUTHORITY: join(work, 'missing') })).toBe(false); // refused
    } finally {
      panel.close();
    }
    await expect.poll(() => xembedTrayRuns(env), { timeout: 5_000 }).toBe(false); // the panel went away
  });
});

describe('close behaviour', () => {
  it('hides where a tray or the Dock brings the window back, quits where nothing would', () => {
    expect(closeAction('linux', true)).toBe('hide');
    expect(closeAction('win32', true)).toBe('hide');
    expect(closeAction('darwin', false)).toBe('hide');
    expect(closeAction('linux', false)).toBe('quit');
  });

  it('knows when Electron draws through X11', () => {
    expect(usesX11({ DISPLAY: ':0' }, [])).toBe(true);
    expect(usesX11({ DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' }, [])).toBe(false);
    expect(usesX11({ WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform=x11'])).toBe(true);
    expect(usesX11({ DISPLAY: ':0' }, ['--ozone-platform=wayland'])).toBe(false);
    expect(usesX11({}, [])).toBe(false);
  });
});
