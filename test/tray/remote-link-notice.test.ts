import { describe, expect, it } from 'vitest';
import type { NavigateTarget } from '../../common/ipc';
import type { RemoteLinked } from '../../main/app/handlers/handlers-remote-link';
import { remoteLinkedNotice, setupRemoteLinkNotices } from '../../main/app/desktop/remote-link-notice';

const linked = (phoneMatches: boolean | null, expectedPhone: string | null = null): RemoteLinked => ({
  type: 'linked',
  me: { id: '447700900123@c.us', pushName: 'Remote' },
  expectedPhone,
  phoneMatches,
});

describe('remote-link "linked" notification', () => {
  it('says who linked, only while the window is not showing and notifications are on', () => {
    expect(remoteLinkedNotice('Shop', linked(null), { enabled: true, windowShowing: false })).toEqual({
      title: 'Shop is linked',
      body: "The phone's owner used the link: linked as +447700900123 (Remote).",
    });
    expect(remoteLinkedNotice('Shop', linked(null), { enabled: true, windowShowing: true })).toBeNull();
    expect(remoteLinkedNotice('Shop', linked(null), { enabled: false, windowShowing: false })).toBeNull();
  });

  it('warns when another number linked', () => {
    expect(
      remoteLinkedNotice('Shop', linked(false, '201012345678'), { enabled: true, windowShowing: false }),
    ).toEqual({
      title: 'Shop linked a different number',
      body: 'Linked as +447700900123 (Remote), not +201012345678. Click to check it.',
    });
  });

  it('a click opens the instance; no notice while the window shows', () => {
    let fire: ((id: string, l: RemoteLinked) => void) | null = null;
    const shown: { title: string; click: () => void }[] = [];
    const opened: NavigateTarget[] = [];
    let showing = false;
    const stop = setupRemoteLinkNotices({
      remoteLinks: { onLinked: (l) => ((fire = l), () => (fire = null)) },
      label: () => 'Shop',
      enabled: () => true,
      windowShowing: () => showing,
      showNotice: (title, _body, click) => void shown.push({ title, click }),
      show: (target) => void opened.push(target),
    });
    fire!('ABCDEF123456', linked(true, '447700900123'));
    showing = true;
    fire!('ABCDEF123456', linked(true, '447700900123'));
    expect(shown.map((s) => s.title)).toEqual(['Shop is linked']);
    shown[0]!.click();
    expect(opened).toEqual([{ view: 'login', instanceId: 'ABCDEF123456' }]);
    stop();
    expect(fire).toBeNull();
  });
});
