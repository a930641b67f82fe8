import { describe, expect, it } from 'vitest';
import { formatCountdown, formatPhone, largePairingCode, linkedAs, screenRows } from '../../main/cli/format';
import * as help from '../../main/cli/help';

describe('CLI wording', () => {
  it('formats linked accounts with libphonenumber-js, from WhatsApp ids or digits', () => {
    expect(linkedAs({ id: '201012345678@c.us', pushName: 'Ann' })).toBe('Linked as +20 10 12345678 (Ann)');
    expect(linkedAs({ id: '14155552671:12@s.whatsapp.net', pushName: null })).toBe(
      'Linked as +1 415 555 2671',
    );
    expect(formatPhone('999')).toBe('+999');
  });

  it('counts down in m:ss and never below zero', () => {
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(200)).toBe('0:01');
    expect(formatCountdown(-5000)).toBe('0:00');
  });

  it('shows a pairing code letter-spaced in a box', () => {
    const lines = largePairingCode('ABCD-1234', false).split('\n');
    expect(lines[2]).toBe('│   A B C D - 1 2 3 4   │');
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });

  it('counts wrapped rows so in-place redraws move the cursor back far enough', () => {
    expect(screenRows(['a'.repeat(80), '', 'b'.repeat(81)], 80)).toBe(1 + 1 + 2);
    expect(screenRows([`\u001b[30;107m${'█'.repeat(80)}\u001b[0m`], 80)).toBe(1);
    expect(screenRows(['x'.repeat(200)], 0)).toBe(1);
  });

  it('keeps every help text within 80 columns', () => {
    for (const [name, text] of Object.entries(help)) {
      for (const line of text.split('\n'))
        expect([...line].length, `${name}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});
