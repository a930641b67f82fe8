/**
 * One verb for linking a number, everywhere a person reads it: the app's strings, the tray menu and the
 * notifications say "Link" / "Link again" / "Needs linking", never "Log in", "Re-link" or "Needs login".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_WORDS, t } from '../../renderer/strings';

/** The old words (a capitalised "Log in" is the button; "when you log in" to the computer stays). */
const OLD_WORDS = /\bLog in\b|\b[Rr]e-?link|[Nn]eeds login|log in to/;
const root = resolve(import.meta.dirname, '../..');
/** The quoted user-facing text of a source file (comments and identifiers are not read by users). */
const quoted = (path: string): string[] =>
  readFileSync(resolve(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .match(/'[^'\n]*'|`[^`]*`/g) ?? [];

describe('one vocabulary for linking', () => {
  it('the app strings use Link / Link again / Needs linking', () => {
    expect(STATUS_WORDS.SCAN_QR_CODE).toBe('Needs linking');
    expect([t.list.login, t.list.relink]).toEqual(['Link', 'Link again']);
    const texts = (value: unknown): string[] =>
      typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [String(value)];
    expect(texts(t).filter((text) => OLD_WORDS.test(text))).toEqual([]);
  });

  for (const path of ['main/app/tray/tray-menu.ts', 'main/app/desktop/notify.ts'])
    it(`${path} says the same`, () => {
      expect(quoted(path).filter((text) => OLD_WORDS.test(text))).toEqual([]);
    });
});
