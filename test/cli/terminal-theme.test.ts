import { describe, expect, it } from 'vitest';
import { backgroundFromColorFgBg, backgroundFromOsc11 } from '../../main/cli/terminal-theme';

describe('terminal background', () => {
  it('reads COLORFGBG (fg;bg or fg;default;bg)', () => {
    expect(backgroundFromColorFgBg('15;0')).toBe('dark');
    expect(backgroundFromColorFgBg('0;15')).toBe('light');
    expect(backgroundFromColorFgBg('0;default;7')).toBe('light');
    expect(backgroundFromColorFgBg('7;8')).toBe('dark');
    expect(backgroundFromColorFgBg('default')).toBeNull();
    expect(backgroundFromColorFgBg(undefined)).toBeNull();
  });

  it('reads an OSC 11 reply by luminance, in any hex width, ended by BEL or ST', () => {
    expect(backgroundFromOsc11('\u001b]11;rgb:ffff/ffff/ffff\u001b\\')).toBe('light');
    expect(backgroundFromOsc11('\u001b]11;rgb:1e1e/1e1e/1e1e\u0007')).toBe('dark');
    expect(backgroundFromOsc11('\u001b]11;rgb:fd/f6/e3\u0007')).toBe('light'); // Solarized light
    expect(backgroundFromOsc11('\u001b]11;rgb:00/2b/36\u0007')).toBe('dark'); // Solarized dark
    expect(backgroundFromOsc11('\u001b[?1;2c')).toBeNull(); // only the DA1 sentinel: no answer
  });
});
