import { describe, expect, it } from 'vitest';
import { renderTerminalQr } from '../../main/cli/terminal-qr';
import { decodeHalfBlocks } from './half-block-qr';

const ESC = '\u001b';
const WHATSAPP_LIKE =
  '2@' +
  'A'.repeat(20) +
  'bCdEfGh1234567890+/=,' +
  'x'.repeat(43) +
  '=,' +
  'y'.repeat(43) +
  '=,' +
  'z'.repeat(43) +
  '=';

/** Strips colour escapes and decodes the drawn code like a phone would. */
function decodeTerminalQr(text: string): string | null {
  return decodeHalfBlocks(text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '').split('\n'));
}

describe('renderTerminalQr', () => {
  it('draws a code that decodes to the exact value, dark on light, without colours', async () => {
    const text = await renderTerminalQr(WHATSAPP_LIKE, { color: false });
    expect(text).not.toContain('\x1b');
    expect(decodeTerminalQr(text)).toBe(WHATSAPP_LIKE);
  });

  it('keeps a 4-module quiet zone and fits an 80-column terminal', async () => {
    const lines = (await renderTerminalQr(WHATSAPP_LIKE, { color: false })).split('\n');
    expect(lines[0]!.trim()).toBe('');
    expect(lines[1]!.trim()).toBe('');
    expect(lines.at(-1)!.trim()).toBe('');
    for (const line of lines) {
      expect(line.startsWith('    ')).toBe(true);
      expect(line.endsWith('    ')).toBe(true);
      expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  it('wraps every line in black-on-white when colours are on, and still decodes', async () => {
    const text = await renderTerminalQr(WHATSAPP_LIKE, { color: true });
    for (const line of text.split('\n'))
      expect(line.startsWith(`${ESC}[30;107m`) && line.endsWith(`${ESC}[0m`)).toBe(true);
    expect(decodeTerminalQr(text)).toBe(WHATSAPP_LIKE);
  });
});
