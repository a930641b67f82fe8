import { describe, expect, it } from 'vitest';
import { parseAccelerator } from '../../main/app/desktop/shortcut-accelerator';

describe('parseAccelerator', () => {
  it.each([
    ['CommandOrControl+Shift+L', 'CommandOrControl+Shift+L'],
    ['cmdorctrl+shift+l', 'CommandOrControl+Shift+L'],
    [' Ctrl+Alt+W ', 'Control+Alt+W'],
    ['Super+F5', 'Super+F5'],
    ['Alt+Space', 'Alt+Space'],
    ['Ctrl++', 'Control++'],
    ['Ctrl+Shift+/', 'Control+Shift+/'],
    ['F13', 'F13'],
    ['Option+pageup', 'Option+PageUp'],
  ])('accepts %j as %j', (input, canonical) => {
    expect(parseAccelerator(input)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['', /Type a shortcut/],
    ['L', /needs Ctrl, Alt/],
    ['Shift+L', /needs Ctrl, Alt/],
    ['F5', /needs Ctrl, Alt/],
    ['Ctrl+Shift', /Add a key/],
    ['Ctrl+Ctrl+L', /twice/],
    ['Ctrl+Hyper+L', /not a modifier/],
    ['Ctrl+LL', /not a key/],
    ['Ctrl+F25', /not a key/],
    ['Ctrl+Ｌ', /not a key/],
    ['Ctrl+', /not a key/],
    [`Ctrl+${'A'.repeat(80)}`, /too long/],
  ])('rejects %j', (input, reason) => {
    const parsed = parseAccelerator(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
