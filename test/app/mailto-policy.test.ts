/** E-mail drafts (the remote link's "E-mail the link") pass main's external-link policy only when harmless. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailDraftUrl } from '../../common/remote-link';
import { isAllowedExternalUrl, MAX_MAILTO_LENGTH } from '../../main/app/windows/security-policy';

const LINK = `https://app.wawp.net/temp-qr/${'ab'.repeat(32)}`;

describe('mailto: drafts', () => {
  it('allows a subject and body, with or without recipients', () => {
    expect(isAllowedExternalUrl(mailDraftUrl('Link WhatsApp', `Open ${LINK}\nthen scan.`))).toBe(true);
    expect(isAllowedExternalUrl('mailto:ann@example.com?subject=Hi&body=x')).toBe(true);
    expect(isAllowedExternalUrl('mailto:ann@example.com,bob@example.org')).toBe(true);
    expect(isAllowedExternalUrl('mailto:')).toBe(true);
  });

  it('refuses other headers, attachments, header injection, odd recipients and huge drafts', () => {
    for (const url of [
      'mailto:?attach=/etc/passwd',
      'mailto:?subject=x&attachment=C:%5Csecret.txt',
      'mailto:?cc=eve@example.com&body=x',
      'mailto:?bcc=eve@example.com',
      'mailto:?subject=x%0D%0ABcc:%20eve@example.com',
      'mailto:?subject=a&subject=b',
      'mailto:not-an-address?body=x',
      'mailto:ann@example.com%0Abcc:eve@example.com',
      'mailto:?body=x#frag',
      mailDraftUrl('x', 'y'.repeat(MAX_MAILTO_LENGTH)),
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('any subject and body our drafts build is allowed when short enough (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((s) => !/[\r\n]/.test(s)),
        fc.string({ maxLength: 800 }),
        (subject, body) => {
          expect(isAllowedExternalUrl(mailDraftUrl(subject, body))).toBe(true);
        },
      ),
    );
  });

  it('still refuses every non-https, non-mailto scheme', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'sms:+201012345678',
      'tel:+1',
      'data:text/html,x',
    ])
      expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
