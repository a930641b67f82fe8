import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformOf, shortcutLabel } from './shortcut-label';

describe('shortcut label', () => {
  it.each([
    ['CommandOrControl+Shift+L', 'windows', 'Ctrl+Shift+L', 'Ctrl Shift L'],
    ['CommandOrControl+Shift+L', 'linux', 'Ctrl+Shift+L', 'Ctrl Shift L'],
    ['CommandOrControl+Shift+L', 'mac', '⇧⌘L', 'Shift Command L'],
    ['CmdOrCtrl+Alt+K', 'mac', '⌥⌘K', 'Option Command K'],
    ['Shift+Control+Alt+Super+P', 'mac', '⌃⌥⇧⌘P', 'Control Option Shift Command P'],
    ['Super+Shift+Up', 'linux', 'Super+Shift+Up', 'Super Shift Up'],
    ['Super+Shift+Up', 'windows', 'Win+Shift+Up', 'Win Shift Up'],
    ['Alt+Shift+Up', 'mac', '⌥⇧↑', 'Option Shift Up Arrow'],
    ['CommandOrControl+Plus', 'windows', 'Ctrl++', 'Ctrl Plus'],
    ['CommandOrControl+Plus', 'mac', '⌘+', 'Command Plus'],
    ['Ctrl+Esc', 'linux', 'Ctrl+Esc', 'Ctrl Esc'],
    ['F12', 'mac', 'F12', 'F12'],
  ] as const)('%s on %s reads %s', (accelerator, platform, text, spoken) => {
    expect(shortcutLabel(accelerator, platform)).toEqual({ text, spoken });
  });

  it('passes through what it does not understand, unchanged', () => {
    expect(shortcutLabel('Hyper+L', 'mac')).toEqual({ text: 'Hyper+L', spoken: 'Hyper+L' });
    expect(shortcutLabel('', 'windows')).toEqual({ text: '', spoken: '' });
  });

  it('never shows Electron words, and never symbols outside macOS', () => {
    const modifier = fc.constantFrom(
      'CommandOrControl',
      'CmdOrCtrl',
      'Control',
      'Alt',
      'Shift',
      'Super',
      'Command',
    );
    const key = fc.constantFrom('A', 'L', '5', 'F1', 'Up', 'Space', 'Tab');
    fc.assert(
      fc.property(fc.uniqueArray(modifier, { minLength: 1, maxLength: 4 }), key, (mods, k) => {
        const accelerator = [...mods, k].join('+');
        for (const platform of ['mac', 'windows', 'linux'] as const) {
          const { text } = shortcutLabel(accelerator, platform);
          expect(text).not.toMatch(/CommandOrControl|CmdOrCtrl/);
          if (platform === 'mac') expect(text).not.toContain('+');
          else expect(text).not.toMatch(/[⌃⌥⇧⌘]/);
        }
      }),
    );
  });

  it('finds the platform from what the browser says', () => {
    expect(platformOf({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel' })).toBe('mac');
    expect(platformOf({ platform: 'MacIntel' })).toBe('mac');
    expect(platformOf({ userAgentData: { platform: 'Windows' } })).toBe('windows');
    expect(platformOf({ platform: 'Win32' })).toBe('windows');
    expect(platformOf({ platform: 'Linux x86_64' })).toBe('linux');
    expect(platformOf({ userAgentData: { platform: '' }, platform: '' })).toBe('linux');
  });
});
