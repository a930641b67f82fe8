import { describe, expect, it } from 'vitest';
import { t } from './strings';

describe('QR wording', () => {
  it('claims a position only when the engine knows it', () => {
    expect(t.login.codeOf(2, 6)).toBe('Code 2 of ~6');
    expect(t.login.codeOf(null, 6)).toBe('');
    expect(t.login.qrAlt(2, 6)).toMatch(/^QR code to link WhatsApp, code 2 of about 6\. /);
    expect(t.login.qrAlt(null, 6)).toMatch(/^QR code to link WhatsApp\. /);
    expect(t.login.qrAlt(null, 6)).not.toMatch(/code \d|of about/);
  });

  it('points screen-reader users to pairing by phone number, by the control’s own name', () => {
    expect(t.login.qrAlt(1, 6)).toContain(`“${t.login.tabPairing}”`);
  });
});
