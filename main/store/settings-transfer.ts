/**
 * Export and import of the instance list as JSON: ids, labels, base URLs and expected phones only,
 * never a token. Imports are validated entry by entry with zod; hostile input is rejected, not obeyed.
 */
import type { InstanceSettings } from './settings-schema';
import { findSecretField, instanceInput, reasonOf } from './settings-validate';

/** The envelope `exportInstances` writes (`importInstances` also accepts a bare array). */
export const EXPORT_FORMAT = 'wawp-link/instances';
/** Largest import accepted, in characters. */
export const MAX_IMPORT_CHARS = 1_000_000;
const MAX_ENTRIES = 1000;

/** Outcome of an import: counts, plus every rejected entry with its 0-based index and a token-free reason. */
export interface ImportResult {
  added: number;
  updated: number;
  rejected: Array<{ index: number; reason: string }>;
}

/** A whole import that cannot be used (not JSON, wrong shape, too big). */
export class SettingsImportError extends Error {
  override readonly name = 'SettingsImportError';
}

/** The instance list as pretty JSON, without secrets. */
export function exportInstancesJson(instances: readonly InstanceSettings[]): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, instances }, null, 2)}\n`;
}

/** Validates `json` and merges it into `current` by id (imported entries win); returns the new list and the result. */
export function mergeImport(
  current: readonly InstanceSettings[],
  json: string,
): { instances: InstanceSettings[]; result: ImportResult } {
  if (typeof json !== 'string' || json.length > MAX_IMPORT_CHARS)
    throw new SettingsImportError(
      'The import file is too large (over 1 MB): export the list from wawp-link again.',
    );
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new SettingsImportError('The import file is not valid JSON: choose a file exported by wawp-link.');
  }
  const entries = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as { instances?: unknown }).instances)
      ? (doc as { instances: unknown[] }).instances
      : null;
  if (!entries)
    throw new SettingsImportError(
      'The import file holds no instance list: choose a file exported by wawp-link.',
    );
  if (entries.length > MAX_ENTRIES)
    throw new SettingsImportError(
      `The import file lists more than ${MAX_ENTRIES} instances; split it into smaller files.`,
    );

  const byId = new Map(current.map((instance) => [instance.id, instance]));
  const seen = new Map<string, number>();
  const result: ImportResult = { added: 0, updated: 0, rejected: [] };
  entries.forEach((entry: unknown, index) => {
    const secret = findSecretField(entry);
    if (secret !== null) {
      result.rejected.push({
        index,
        reason: `field "${secret}" looks like a secret; tokens are never imported, enter them in wawp-link`,
      });
      return;
    }
    const parsed = instanceInput.safeParse(entry);
    if (!parsed.success) {
      result.rejected.push({ index, reason: reasonOf(parsed.error) });
      return;
    }
    const instance = parsed.data;
    const first = seen.get(instance.id);
    if (first !== undefined) {
      result.rejected.push({ index, reason: `duplicate of entry ${first} (same instance id)` });
      return;
    }
    seen.set(instance.id, index);
    if (byId.has(instance.id)) result.updated++;
    else result.added++;
    byId.set(instance.id, instance);
  });
  return { instances: [...byId.values()], result };
}
