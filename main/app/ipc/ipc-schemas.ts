/**
 * zod schemas for every IPC argument (arguments arrive as `unknown`). Failure reasons name the field and
 * the rule, never the received value, because a rejected value may be a token.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { BATCH_COMMANDS } from '../../../common/batch';
import type { Result } from '../../../common/ipc';

/** The default Wawp API base URL. */
export const DEFAULT_BASE_URL = 'https://api.wawp.net';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** 12 letters/digits, e.g. `3EB0BCB2E3D4` (wawp-api.md §1.2). */
export const instanceIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{12}$/, 'must be the 12-character instance id from your Wawp dashboard');

/** https anywhere, http only on loopback (the simulator); no credentials, query or fragment. Trailing `/` dropped. */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL like https://api.wawp.net' });
      return z.NEVER;
    }
    const okScheme = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    if (!okScheme || url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'must be an https URL without credentials or query' });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });

/** A phone number with country code, normalised to digits only; validated with libphonenumber-js. */
export const phoneSchema = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const digits = text.replace(/[\s().-]/g, '').replace(/^\+/, '');
    const parsed = /^\d{6,15}$/.test(digits) ? parsePhoneNumberFromString(`+${digits}`) : undefined;
    if (!parsed?.isValid()) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a phone number with country code, like +20 101 234 5678',
      });
      return z.NEVER;
    }
    return digits;
  });

/** A token: printable ASCII without spaces, at most 2,048 characters (the keychain caps what it holds). */
export const tokenSchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(2048, 'is too long')
  .regex(/^[\x21-\x7e]+$/, 'may only hold printable characters without spaces');

/** The add/edit form (common/ipc.ts InstanceInput). Unknown keys are rejected. */
export const instanceInputSchema = z.strictObject({
  id: instanceIdSchema,
  label: z.string().trim().max(80, 'is longer than 80 characters'),
  baseUrl: z.union([z.literal('').transform(() => DEFAULT_BASE_URL), baseUrlSchema]),
  expectedPhone: z.union([z.null(), z.literal('').transform(() => null), phoneSchema]),
  token: tokenSchema.optional(),
});

/** A partial Preferences patch; unknown keys are rejected. */
export const preferencesPatchSchema = z.strictObject({
  launchAtLogin: z.boolean().optional(),
  startHidden: z.boolean().optional(),
  notifications: z.boolean().optional(),
  globalShortcut: z
    .strictObject({
      enabled: z.boolean(),
      accelerator: z
        .string()
        .max(60)
        .regex(/^[A-Za-z0-9+]+$/, 'must look like CommandOrControl+Shift+L'),
    })
    .optional(),
});

/** Text the renderer may put on the clipboard (pairing codes, instance ids, QR code text ~250 chars). */
export const clipboardTextSchema = z.string().min(1).max(2048);

/** An instance-list JSON document to import (size-capped before parsing). */
export const importJsonSchema = z.string().min(2).max(1_000_000);

/** Which instances a batch links: up to 500 distinct ids, or every instance that needs linking. */
export const batchSelectionSchema = z.union([
  z.literal('needs-linking'),
  z.array(instanceIdSchema).min(1, 'is empty').max(500, 'has too many instances'),
]);

/** One command for a running batch (common/batch.ts BatchCommand). */
export const batchCommandSchema = z.enum(BATCH_COMMANDS);

/** Describes a zod failure by field path and rule, never by the value received. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'} ${safeMessage(issue)}`)
    .join('; ');
}

function safeMessage(issue: z.core.$ZodIssue): string {
  if (
    issue.code === 'custom' ||
    issue.code === 'invalid_format' ||
    issue.code === 'too_big' ||
    issue.code === 'too_small'
  )
    return issue.message.startsWith('Too') || issue.message.startsWith('Invalid')
      ? `has the wrong length or form`
      : issue.message;
  if (issue.code === 'unrecognized_keys') return 'has unexpected fields';
  return 'has the wrong type';
}

/** The Result returned for any argument that fails its schema. */
export function invalidArgument(error: z.ZodError): Result<never> {
  return { ok: false, code: 'invalid_argument', reason: `Rejected: ${describeIssues(error)}.` };
}

/** Arguments of the `remote-link:*` channels: just the instance id. */
export const remoteLinkArgsSchema = z.tuple([instanceIdSchema]);
