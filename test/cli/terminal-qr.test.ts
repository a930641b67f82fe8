import { describe, expect, it } from 'vitest';
import { qrCells, qrMatrix, renderTerminalQr } from '../../main/cli/terminal-qr';
import { DARK, decodeScreen, LIGHT } from './screen-image';

const ESC = '\u001b';
/** The shape of a WhatsApp value: `2@ref,key,key,key`, ~250 characters. */
const WHATSAPP_LIKE = `2@${'QmFzZTY0UmVm'.repeat(9)}+/=,${'a2V5MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3A='.slice(0, 44)},${'b'.repeat(43)}=,${'c'.repeat(43)}=`;

describe('renderTerminalQr', () => {
  it('uses the smallest code: level L, version 10 (57 modules) for a ~250-character WhatsApp value', () => {
    expect(WHATSAPP_LIKE.length).toBeGreaterThan(240);
    expect(qrMatrix(WHATSAPP_LIKE).size).toBe(57);
    expect(qrCells(57, 4)).toEqual({ columns: 65, rows: 33 });
  });

  it('with colours: black on bright white on every line, decodes on a light and on a dark theme', () => {
    const text = renderTerminalQr(WHATSAPP_LIKE, { style: 'color' });
    for (const line of text.split('\n'))
      expect(line.startsWith(`${ESC}[30;107m`) && line.endsWith(`${ESC}[0m`)).toBe(true);
    expect(decodeScreen(text.split('\n'), LIGHT)).toBe(WHATSAPP_LIKE);
    expect(decodeScreen(text.split('\n'), DARK)).toBe(WHATSAPP_LIKE);
  });

  it('without colours: dark-module ink reads on a light theme, light-module ink on a dark theme', () => {
    const darkInk = renderTerminalQr(WHATSAPP_LIKE, { style: 'dark-ink' }).split('\n');
    const lightInk = renderTerminalQr(WHATSAPP_LIKE, { style: 'light-ink' }).split('\n');
    for (const line of [...darkInk, ...lightInk]) expect(line).not.toContain(ESC);
    expect(decodeScreen(darkInk, LIGHT)).toBe(WHATSAPP_LIKE);
    expect(decodeScreen(lightInk, DARK)).toBe(WHATSAPP_LIKE);
    // Why one drawing cannot serve both themes: each comes out inverted on the other, and is not read.
    expect(decodeScreen(darkInk, DARK)).toBeNull();
    expect(decodeScreen(lightInk, LIGHT)).toBeNull();
  });

  it('keeps a 4-module quiet zone: blank edges in dark-module ink, solid edges in light-module ink', () => {
    const dark = renderTerminalQr(WHATSAPP_LIKE, { style: 'dark-ink' }).split('\n');
    expect(dark[0]!.trim()).toBe('');
    expect(dark[1]!.trim()).toBe('');
    for (const line of dark) expect(line.startsWith('    ') && line.endsWith('    ')).toBe(true);
    const light = renderTerminalQr(WHATSAPP_LIKE, { style: 'light-ink' }).split('\n');
    expect(light[0]).toBe('█'.repeat(65));
    for (const line of light) expect(line.startsWith('████') && line.endsWith('████')).toBe(true);
  });
});
