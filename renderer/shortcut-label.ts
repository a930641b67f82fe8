/**
 * An Electron accelerator ("CommandOrControl+Shift+L") in the words of the platform the app runs on: Ctrl+Shift+L
 * on Windows and Linux, ⇧⌘L on macOS (modifier symbols in Apple's order ⌃⌥⇧⌘, no separators), plus a spoken
 * form for screen readers, which read the symbols poorly.
 */

export type Platform = 'mac' | 'windows' | 'linux';

/** The platform from what the browser says (User-Agent Client Hints first, then the legacy `platform`). */
export function platformOf(nav: { platform?: string; userAgentData?: { platform?: string } }): Platform {
  const name = (nav.userAgentData?.platform || nav.platform || '').toLowerCase();
  if (name.startsWith('mac') || name === 'iphone' || name === 'ipad') return 'mac';
  if (name.startsWith('win')) return 'windows';
  return 'linux';
}

type Modifier = 'control' | 'alt' | 'shift' | 'meta';

const MODIFIERS: Record<string, Modifier | 'primary'> = {
  commandorcontrol: 'primary',
  cmdorctrl: 'primary',
  command: 'meta',
  cmd: 'meta',
  super: 'meta',
  meta: 'meta',
  control: 'control',
  ctrl: 'control',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
};

/** Apple's order for modifier symbols. */
const MAC_ORDER: Modifier[] = ['control', 'alt', 'shift', 'meta'];
const MAC_SYMBOL: Record<Modifier, [string, string]> = {
  control: ['⌃', 'Control'],
  alt: ['⌥', 'Option'],
  shift: ['⇧', 'Shift'],
  meta: ['⌘', 'Command'],
};
const PC_WORD: Record<Platform, Record<Modifier, string>> = {
  windows: { control: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win' },
  linux: { control: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Super' },
  mac: { control: 'Control', alt: 'Option', shift: 'Shift', meta: 'Command' },
};
const MAC_KEYS: Record<string, [string, string]> = {
  up: ['↑', 'Up Arrow'],
  down: ['↓', 'Down Arrow'],
  left: ['←', 'Left Arrow'],
  right: ['→', 'Right Arrow'],
  return: ['↩', 'Return'],
  enter: ['↩', 'Return'],
  backspace: ['⌫', 'Delete'],
  delete: ['⌦', 'Forward Delete'],
  tab: ['⇥', 'Tab'],
  esc: ['⎋', 'Escape'],
  escape: ['⎋', 'Escape'],
  space: ['Space', 'Space'],
};
const PC_KEYS: Record<string, string> = { plus: '+', esc: 'Esc', escape: 'Esc', return: 'Enter' };

/** `accelerator` for `platform`: `text` to show, `spoken` for the accessible name. Unknown parts pass through. */
export function shortcutLabel(accelerator: string, platform: Platform): { text: string; spoken: string } {
  const parts = accelerator.split(/\+(?!$)/).filter((part) => part !== '');
  if (parts.length === 0) return { text: accelerator, spoken: accelerator };
  const key = parts.at(-1)!;
  const modifiers = new Set<Modifier>();
  for (const part of parts.slice(0, -1)) {
    const known = MODIFIERS[part.toLowerCase()];
    if (!known) return { text: accelerator, spoken: accelerator };
    modifiers.add(known === 'primary' ? (platform === 'mac' ? 'meta' : 'control') : known);
  }
  const lower = key.toLowerCase();
  if (platform === 'mac') {
    const held = MAC_ORDER.filter((m) => modifiers.has(m));
    const [keyText, keySpoken] = MAC_KEYS[lower] ?? (lower === 'plus' ? ['+', 'Plus'] : [key, key]);
    return {
      text: held.map((m) => MAC_SYMBOL[m][0]).join('') + keyText,
      spoken: [...held.map((m) => MAC_SYMBOL[m][1]), keySpoken].join(' '),
    };
  }
  const words = [...modifiers].map((m) => PC_WORD[platform][m]);
  const keyWord = PC_KEYS[lower] ?? key;
  return {
    text: [...words, keyWord].join('+'),
    spoken: [...words, lower === 'plus' ? 'Plus' : keyWord].join(' '),
  };
}
