/** Pure parts of startup and the window: the failure message, the application menu, bounds on a visible display. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { startupFailureMessage } from '../../main/app/startup/failure-message';
import { appMenuTemplate } from '../../main/app/windows/app-menu';
import { fitToDisplays, type Area } from '../../main/app/windows/visible-bounds';

describe('startup failure message', () => {
  it('is one sentence and one next step, then the cause and the log file path', () => {
    const { title, content } = startupFailureMessage(
      new Error('EACCES: permission denied, open settings.json\n    at open (fs.js:1:1)'),
      '/home/ann/.config/wawp-link/logs/main.log',
    );
    expect(title).toBe('wawp-link could not start');
    const [sentence, details] = content.split('\n\n');
    expect(sentence).toBe(
      'wawp-link stopped while starting. Start it again; if this repeats, the log file below says why.',
    );
    expect(details).toBe(
      'Details: EACCES: permission denied, open settings.json\nLog file: /home/ann/.config/wawp-link/logs/main.log',
    );
    expect(content).not.toMatch(/\bat open\b/);
  });
  it('never shows an access token', () => {
    const { content } = startupFailureMessage(
      new Error('GET https://api.wawp.net/v2/session?access_token=SECRET123456 failed'),
      '/log',
    );
    expect(content).not.toContain('SECRET123456');
  });
  it('copes with a non-Error and an empty message', () => {
    expect(startupFailureMessage('boom', '/l').content).toContain('Details: boom\n');
    expect(startupFailureMessage(new Error(''), '/l').content).toContain('Details: an unknown error\n');
  });
});

/** Every role in a template, submenus included. */
function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`packaged on ${platform}: no Reload or developer tools, Edit roles kept`, () => {
      const all = roles(appMenuTemplate({ platform, packaged: true }));
      expect(all).not.toContain('reload');
      expect(all).not.toContain('forceReload');
      expect(all).not.toContain('toggleDevTools');
      expect(all).toContain('editMenu');
      expect(all.includes('appMenu')).toBe(platform === 'darwin');
    });
  }
  it('in development it has Reload and Toggle Developer Tools', () => {
    const all = roles(appMenuTemplate({ platform: 'linux', packaged: false }));
    expect(all).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'editMenu']));
  });
});

describe('window bounds on a visible display', () => {
  const laptop: Area = { x: 0, y: 0, width: 1440, height: 870 };
  const external: Area = { x: 1440, y: 0, width: 2560, height: 1400 };

  it('keeps bounds whose title bar is on a display', () => {
    const bounds = { x: 2000, y: 100, width: 960, height: 720 };
    expect(fitToDisplays(bounds, [laptop, external], laptop)).toEqual(bounds);
  });
  it('drops the position when its display is gone, shrinking to the primary work area', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 2000, height: 1200 }, [laptop], laptop)).toEqual({
      width: 1440,
      height: 870,
    });
  });
  it('drops a position with only a sliver of title bar on screen', () => {
    expect(fitToDisplays({ x: 1400, y: 10, width: 960, height: 720 }, [laptop], laptop)).toEqual({
      width: 960,
      height: 720,
    });
    expect(fitToDisplays({ x: 100, y: -30, width: 960, height: 720 }, [laptop], laptop)).toEqual({
      width: 960,
      height: 720,
    });
  });
  it('keeps a window that starts above the primary display on a display stacked on top', () => {
    const above: Area = { x: 0, y: -1080, width: 1920, height: 1080 };
    const bounds = { x: 200, y: -900, width: 960, height: 720 };
    expect(fitToDisplays(bounds, [laptop, above], laptop)).toEqual(bounds);
  });
  it('leaves unpositioned bounds unpositioned', () => {
    expect(fitToDisplays({ width: 960, height: 720 }, [laptop], laptop)).toEqual({ width: 960, height: 720 });
  });
});
