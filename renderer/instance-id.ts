/** Instance ids as people paste them: spaces, dashes and lower case are dropped or fixed before any check. */
import { t } from './strings';

/** `" 3eb0-bcb2-e3d4 "` → `3EB0BCB2E3D4` (whitespace and every kind of dash removed, upper case). */
export function normaliseInstanceId(text: string): string {
  return text.replace(/[\s\u2010-\u2015\u2212-]/g, '').toUpperCase();
}

/** The one problem with an id as typed (after normalising), or null when it is a valid 12-character id. */
export function instanceIdProblem(text: string): string | null {
  const id = normaliseInstanceId(text);
  if (id === '') return t.form.idRequired;
  if (/[^A-Z0-9]/.test(id)) return t.form.idBadChars;
  if (id.length !== 12) return t.form.idLength(id.length);
  return null;
}
