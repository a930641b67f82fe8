/**
 * zod validation for everything that enters settings from outside (UI, CLI, imports): instances,
 * preferences, window bounds. Reasons are user-facing and never echo a field that may hold a secret.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { parseBaseUrl } from '../../common/base-url';
import { INSTANCE_ID_PATTERN } from './settings-schema';

/** Field names that look like they hold a secret; settings refuse them outright. */
export const SECRET_FIELD = /token|secret|passw|api[-_]?key|auth|bearer|credential|cookie|session[-_]?key/i;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Returns the first secret-looking key anywhere in `value` (depth-limited), or null. */
export function findSecretField(value: unknown, depth = 0): string | null {
  if (depth > 4 || typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_FIELD.test(key)) return key;
    const nested = findSecretField(inner, depth + 1);
    if (nested) return nested;
  }
  return null;
}

const baseUrl = z
  .string()
  .max(2048, 'the base URL is too long')
  .transform((input, ctx) => {
    const parsed = parseBaseUrl(input);
    if (parsed.ok) return parsed.url;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });

const expectedPhone = z
  .string()
  .max(32, 'the phone number is too long')
  .transform((input, ctx) => {
    const digits = input.replace(/[\s().-]/g, '').replace(/^(\+|00)/, '');
    const phone = /^\d+$/.test(digits) ? parsePhoneNumberFromString(`+${digits}`) : undefined;
    if (!phone?.isPossible()) {
      ctx.addIssue({
        code: 'custom',
        message: 'the expected phone must be a number with country code, e.g. 201012345678',
      });
      return z.NEVER;
    }
    return `${phone.countryCallingCode}${phone.nationalNumber}`;
  });

/** An instance as the UI, CLI or an import file provides it (normalised on success). */
export const instanceInput = z
  .strictObject({
    id: z.string().regex(INSTANCE_ID_PATTERN, 'the instance id must be the 12 letters and digits from Wawp'),
    label: z
      .string()
      .trim()
      .min(1, 'the label is empty')
      .max(100, 'the label is longer than 100 characters')
      .refine((s) => !UNSAFE_TEXT.test(s), 'the label contains control or direction-override characters'),
    baseUrl,
    expectedPhone: expectedPhone.optional(),
  })
  .transform(({ expectedPhone: phone, ...rest }) => (phone ? { ...rest, expectedPhone: phone } : rest));

const MODIFIER = '(?:Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)';
const KEY =
  "(?:[A-Za-z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Plus|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|[-=\\[\\];',./`])";
const ACCELERATOR = new RegExp(`^(?:${MODIFIER}\\+)+${KEY}$`);

/** A partial preferences update; globalShortcut may be partial too. */
export const preferencesPatch = z.strictObject({
  launchAtLogin: z.boolean().optional(),
  startHidden: z.boolean().optional(),
  notifications: z.boolean().optional(),
  globalShortcut: z
    .strictObject({
      enabled: z.boolean().optional(),
      accelerator: z
        .string()
        .regex(ACCELERATOR, 'the shortcut must be modifiers plus one key, e.g. CommandOrControl+Shift+L')
        .optional(),
    })
    .optional(),
});
export type PreferencesPatch = z.input<typeof preferencesPatch>;

/** Window bounds as Electron reports them (integers, sane sizes). */
export const windowBoundsInput = z.strictObject({
  x: z.number().int().min(-100000).max(100000).optional(),
  y: z.number().int().min(-100000).max(100000).optional(),
  width: z.number().int().min(100).max(20000),
  height: z.number().int().min(100).max(20000),
});

/** One short reason from a zod error, with the field path (values are never included). */
export function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
