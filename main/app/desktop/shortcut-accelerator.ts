/**
 * Validates a global-shortcut accelerator before it reaches `globalShortcut.register` (which only returns
 * false, without saying why). Grammar: modifiers joined by `+`, then exactly one key code, as documented in
 * https://www.electronjs.org/docs/latest/api/accelerator. A global shortcut must include a modifier other
 * than Shift, so it cannot swallow ordinary typing in every other app.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const MODIFIERS = new Map(
  Object.entries({
    command: 'Command',
    cmd: 'Command',
    control: 'Control',
    ctrl: 'Control',
    commandorcontrol: 'CommandOrControl',
    cmdorctrl: 'CommandOrControl',
    alt: 'Alt',
    option: 'Option',
    altgr: 'AltGr',
    shift: 'Shift',
    super: 'Super',
    meta: 'Meta',
  }),
);

const NAMED_KEYS = [
  'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return',
  'Enter', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'PrintScreen',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]; // prettier-ignore
const KEYS = new Map(NAMED_KEYS.map((key) => [key.toLowerCase(), key]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{]}[|\\\'"']);
const MAX_LENGTH = 64;

function keyCode(token: string): string | null {
  if (/^[A-Za-z0-9]$/.test(token)) return token.toUpperCase();
  if (/^F([1-9]|1[0-9]|2[0-4])$/i.test(token)) return token.toUpperCase();
  if (token.length === 1 && PUNCTUATION.has(token)) return token;
  return KEYS.get(token.toLowerCase()) ?? null;
}

/** Returns the accelerator in canonical spelling (e.g. `CommandOrControl+Shift+L`) or why it is invalid. */
export function parseAccelerator(input: string): Parsed<string> {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Type a shortcut, e.g. CommandOrControl+Shift+L.' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'That shortcut is too long.' };
  // A trailing "+" is the Plus key written literally ("Ctrl++"); split on every other "+".
  const tokens = text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
  const key = tokens.pop()!;
  const modifiers: string[] = [];
  for (const token of tokens) {
    const modifier = MODIFIERS.get(token.trim().toLowerCase());
    if (!modifier)
      return { ok: false, reason: `“${token.slice(0, 20)}” is not a modifier (use Ctrl, Alt, Shift…).` };
    if (modifiers.includes(modifier)) return { ok: false, reason: `${modifier} appears twice.` };
    modifiers.push(modifier);
  }
  const code = keyCode(key.trim());
  if (!code) {
    return MODIFIERS.has(key.trim().toLowerCase())
      ? { ok: false, reason: 'Add a key after the modifiers, e.g. CommandOrControl+Shift+L.' }
      : { ok: false, reason: `“${key.slice(0, 20)}” is not a key Electron knows.` };
  }
  if (!modifiers.some((modifier) => modifier !== 'Shift') && !/^F(1[3-9]|2[0-4])$/.test(code)) {
    return {
      ok: false,
      reason: 'A global shortcut needs Ctrl, Alt, Cmd or Super, so it does not block typing.',
    };
  }
  return { ok: true, value: [...modifiers, code].join('+') };
}
