/** Argument parsing on node:util parseArgs, with usage errors in our words (never the parser's own text). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseBaseUrl } from '../../common/base-url';
import { INSTANCE_ID_PATTERN } from '../store/settings-schema';
import { UsageError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

const seeHelp = (command: string): string => `See "wawp-link${command ? ` ${command}` : ''} --help".`;

/** Levenshtein distance, for "did you mean --timeout?" on a mistyped flag. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function unknownOption(command: string, raw: string, options: Options): UsageError {
  const name = raw.replace(/^-+/, '');
  const close = Object.keys(options)
    .map((known) => ({ known, d: distance(name, known) }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)[0];
  const hint = close ? ` Did you mean --${close.known}?` : '';
  const where = command ? ` for "${command}"` : '';
  return new UsageError(`Unknown option ${raw}${where}.${hint}\n${seeHelp(command)}`);
}

/**
 * Parses `argv` for `command`: unknown flags, missing values (`--timeout` at the end, `--timeout --json`)
 * and values given to switches (`--json=1`) become UsageErrors that name the flag; `--restarts -1`
 * reaches the value check instead of the parser's "ambiguous" complaint.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) throw unknownOption(command, token.rawName, options);
    const flag = `--${token.name}`;
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${flag} is a switch and takes no value.\n${seeHelp(command)}`);
    if (
      spec.type === 'string' &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
    )
      throw new UsageError(`${flag} needs a value.\n${seeHelp(command)}`);
  }
  return parsed as ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>;
}

/** A positive number of seconds, converted to ms. */
export function parseSeconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${flag} needs a positive number of seconds, like 120 (got "${raw}").`);
  }
  return n * 1000;
}

/** A whole number ≥ 0. */
export function parseCount(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${flag} needs a whole number ≥ 0, like 2 (got "${raw}").`);
  return n;
}

/** The one positional an instance command needs, checked for the shape of a Wawp id. */
export function requireInstanceId(command: string, positionals: string[]): string {
  const [id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".\n${seeHelp(command)}`);
  return checkInstanceId(command, id);
}

/** Wawp instance ids are 12 characters (letters and digits), e.g. 3EB0BCB2E3D4. */
export function checkInstanceId(command: string, id: string | undefined): string {
  if (!id) throw new UsageError(`Missing <instance-id>.\n${seeHelp(command)}`);
  if (!INSTANCE_ID_PATTERN.test(id)) {
    throw new UsageError(
      `"${id}" is not a Wawp instance id: ids are 12 letters or digits, like 3EB0BCB2E3D4. ` +
        `Copy it from your Wawp dashboard.`,
    );
  }
  return id;
}

/** A server address by the one rule (common/base-url.ts); `source` names where it came from. */
export function checkBaseUrl(raw: string, source = '--base-url'): string {
  const parsed = parseBaseUrl(raw);
  if (!parsed.ok) throw new UsageError(`${source} "${raw}": ${parsed.message}`);
  return parsed.url;
}
