import { describe, expect, it } from 'vitest';
import { desktopNotes, type RunFacts } from '../../main/app/desktop/desktop-notes';

const base: RunFacts = {
  platform: 'linux',
  env: {},
  argv: ['/opt/wawp-link/wawp-link'],
  hasTray: true,
  notificationsFailed: false,
};

describe('desktopNotes', () => {
  it('says nothing for an installed app with a tray', () => {
    expect(desktopNotes(base)).toEqual([]);
  });

  it('explains an AppImage that runs without the sandbox, and that links need the deb', () => {
    const appImage = { ...base, env: { APPIMAGE: '/home/ann/wawp-link.AppImage' } };
    expect(desktopNotes(appImage)).toEqual(['appimage-no-links']);
    expect(desktopNotes({ ...appImage, argv: [...base.argv, '--no-sandbox'] })).toEqual([
      'appimage-no-sandbox',
      'appimage-no-links',
    ]);
  });

  it('never blames the AppImage elsewhere (APPIMAGE means nothing on macOS or Windows)', () => {
    expect(
      desktopNotes({ ...base, platform: 'darwin', env: { APPIMAGE: '/x' }, argv: ['--no-sandbox'] }),
    ).toEqual([]);
  });

  it('tells a user without a tray that closing the window quits, and when notifications were refused', () => {
    expect(desktopNotes({ ...base, hasTray: false, notificationsFailed: true })).toEqual([
      'notifications-failed',
      'no-tray-close-quits',
    ]);
  });
});
