import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/app/desktop/deep-link';
import {
  activationTarget,
  appUserModelId,
  relinkLink,
  relinkToastXml,
  xmlEscape,
} from '../../main/app/desktop/windows-toast';

describe('Windows "Link again" toasts carry what a later click needs', () => {
  const xml = relinkToastXml({
    title: 'Sales <&> "HQ" needs linking again',
    body: "Its session's gone & <b>stopped</b>.",
    button: 'Link again',
    link: relinkLink('3EB0BCB2E3D4'),
  });

  it('puts the deep link on the body (launch) and on the button (arguments)', () => {
    expect(xml).toMatch(/^<toast launch="wawp-link:\/\/login\/3EB0BCB2E3D4" activationType="foreground">/);
    expect(xml).toContain(
      '<action content="Link again" arguments="wawp-link://login/3EB0BCB2E3D4" activationType="foreground"/>',
    );
    expect(xml).toContain('<binding template="ToastGeneric">');
  });

  it('escapes labels so a name cannot inject markup or attributes', () => {
    expect(xml).toContain('<text>Sales &lt;&amp;&gt; &quot;HQ&quot; needs linking again</text>');
    expect(xml).toContain('<text>Its session&apos;s gone &amp; &lt;b&gt;stopped&lt;/b&gt;.</text>');
    expect(xml.match(/<text>/g)).toHaveLength(2);
    expect(xmlEscape(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&apos;');
  });

  it('reads the activation back into the login view, strictly', () => {
    expect(activationTarget(relinkLink('3EB0BCB2E3D4'))).toEqual({
      view: 'login',
      instanceId: '3EB0BCB2E3D4',
    });
    expect(activationTarget('')).toBeNull(); // a toast without launch (e.g. an older one): nothing to open
    expect(activationTarget('type=click&tag=abc')).toBeNull();
    expect(activationTarget('wawp-link://login/3EB0BCB2E3D4?token=x')).toBeNull();
  });

  it('uses the installer’s AppUserModelID when packaged and its own one in development', () => {
    expect(appUserModelId(true)).toBe(APP_ID);
    expect(appUserModelId(false)).toBe(`${APP_ID}.dev`);
  });
});
