import { describe, expect, it } from 'vitest';
import { formatCountdown, formatPhone, largePairingCode, linkedAs } from '../../main/cli/format';
import { composeFrame, neededSize, wrapLines } from '../../main/cli/login-layout';
import { qrMatrix } from '../../main/cli/terminal-qr';
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

  it('word-wraps text to the width and never makes a frame taller or wider than the terminal', () => {
    expect(wrapLines(['aaa bbb ccc'], 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapLines(['x'.repeat(12)], 5)).toEqual(['xxxxx']);
    const parts = {
      title: 'wawp-link · instance 3EB0BCB2E3D4',
      qr: { matrix: qrMatrix('2@' + 'v'.repeat(240)), style: 'dark-ink' as const },
      body: [],
      codeLine: 'Code 1 of ~6 · expires in 0:42',
      hint: 'On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan.',
      notes: ['Status: Waiting for a scan'],
      alternative: null,
    };
    for (const [columns, rows] of [
      [80, 24],
      [40, 30],
      [61, 30],
      [61, 31],
      [100, 45],
      [200, 80],
    ] as const) {
      const lines = composeFrame({ columns, rows }, parts);
      expect(lines.length, `${columns}×${rows}`).toBeLessThanOrEqual(rows);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
      const need = neededSize(parts.qr.matrix.size);
      const drawn = lines.some((l) => l.includes('▀'));
      expect(drawn, `${columns}×${rows}`).toBe(columns >= need.columns && rows >= need.rows);
    }
  });

  it('keeps every help text within 80 columns', () => {
    for (const [name, text] of Object.entries(help)) {
      for (const line of text.split('\n'))
        expect([...line].length, `${name}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});
