/** Argument parsing on node:util parseArgs, with usage errors that name the next step. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly for `command`; unknown flags and missing values become UsageErrors. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new UsageError(`${text}\nSee "wawp-link ${command} --help".`);
  }
}

/** A positive number of seconds, converted to ms. */
export function parseSeconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${flag} needs a positive number of seconds (got "${raw}").`);
  }
  return n * 1000;
}

/** A whole number ≥ 0. */
export function parseCount(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${flag} needs a whole number ≥ 0 (got "${raw}").`);
  return n;
}

/** The one positional an instance command needs (the server judges unknown ids: exit 4). */
export function requireInstanceId(command: string, positionals: string[]): string {
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError(`Missing <instance-id>.\nSee "wawp-link ${command} --help".`);
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument "${extra[0]}".\nSee "wawp-link ${command} --help".`);
  return id;
}

/** Wawp instance ids are 12 characters (letters and digits), e.g. 3EB0BCB2E3D4. */
export function checkInstanceId(command: string, id: string | undefined): string {
  if (!id) throw new UsageError(`Missing <instance-id>.\nSee "wawp-link ${command} --help".`);
  if (!/^[A-Za-z0-9]{12}$/.test(id)) {
    throw new UsageError(
      `"${id}" is not a Wawp instance id: ids are 12 letters or digits, like 3EB0BCB2E3D4. ` +
        `Copy it from your Wawp dashboard.`,
    );
  }
  return id;
}

/** An http(s) base URL without a trailing slash. */
export function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url "${raw}" is not a URL; use e.g. https://api.wawp.net.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--base-url must start with https:// (or http:// for a local simulator).`);
  }
  if (url.username || url.password || url.search) {
    throw new UsageError(
      `--base-url must not carry credentials or a query; pass the token via the keychain.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
