/**
 * Strict parsing of what can ask the app to open a view from outside: `--login <id>` / `--pairing <id>`
 * on the command line (first launch, or a second launch forwarded by the single-instance lock) and the
 * `wawp-link://login/<id>` and `wawp-link://pairing/<id>` links. Anything else is rejected with a reason:
 * ids are exactly 12 ASCII letters/digits, links carry no credentials, query, fragment, percent-escapes or
 * extra path segments, so a hostile link cannot smuggle a token or a path into the app. Pure; no electron.
 */
import type { NavigateTarget } from '../../../common/ipc';

/** The app's identity towards the OS: electron-builder.yml `appId` (also the Windows AppUserModelID). */
export const APP_ID = 'net.wawp.link';
/** The deep-link scheme (electron-builder.yml `protocols`). */
export const PROTOCOL = 'wawp-link';
/** Longest link we read at all: `wawp-link://pairing/` + 12 + `/` is 33 characters. */
export const MAX_LINK_LENGTH = 64;
const ID = /^[A-Za-z0-9]{12}$/;
const LINK = /^wawp-link:\/\/(login|pairing)\/([A-Za-z0-9]{12})\/?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** An instance id as Wawp issues them: exactly 12 ASCII letters or digits (no lookalikes, no spaces). */
export function isInstanceId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function bad(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Parses `wawp-link://login/<id>` or `wawp-link://pairing/<id>` (one optional trailing slash, as Windows adds). */
export function parseDeepLink(raw: string): Parsed<NavigateTarget> {
  if (raw.length > MAX_LINK_LENGTH) return bad(`The link is too long (over ${MAX_LINK_LENGTH} characters).`);
  if (!/^wawp-link:/i.test(raw)) return bad('Not a wawp-link:// link.');
  if (/[^\x21-\x7e]/.test(raw)) {
    return bad(
      'The link contains spaces, control or non-ASCII characters (lookalike letters are not accepted).',
    );
  }
  if (raw.includes('?') || raw.includes('#')) {
    return bad('Links with a query or fragment are not accepted: never put a token in a link.');
  }
  if (raw.includes('@')) return bad('Links with credentials are not accepted.');
  if (raw.includes('%')) return bad('Percent-escaped links are not accepted.');
  const match = LINK.exec(raw);
  if (!match) {
    return bad('Unknown link: use wawp-link://login/<instance id> or wawp-link://pairing/<instance id>.');
  }
  const instanceId = match[2]!;
  return {
    ok: true,
    value: match[1] === 'login' ? { view: 'login', instanceId } : { view: 'pairing', instanceId },
  };
}

/** What a command line asks for. */
export interface LaunchRequest {
  /** The view to open, from `--login`, `--pairing` or a link argument; null when none. */
  target: NavigateTarget | null;
  /** `--hidden`: started at login, stay in the tray. */
  hidden: boolean;
  /** Why some arguments were rejected (shown to the user, never echoing the raw input). */
  errors: string[];
}

const VIEW_FLAGS: Record<string, 'login' | 'pairing'> = { '--login': 'login', '--pairing': 'pairing' };

function target(view: 'login' | 'pairing', id: string | undefined, flag: string): Parsed<NavigateTarget> {
  if (id === undefined || id === '') return bad(`${flag} needs an instance id, e.g. ${flag} 3EB0BCB2E3D4.`);
  if (!isInstanceId(id)) return bad(`${flag}: an instance id is exactly 12 letters or digits.`);
  return { ok: true, value: { view, instanceId: id } };
}

/**
 * Reads argv (process.argv, or the argv of a second launch). Unknown arguments — the executable, the app
 * path in development, Chromium's own switches — are ignored; `--login` takes the next argument that is not
 * a switch, because Chromium may insert its switches in a forwarded command line. The first valid request wins.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchRequest {
  const request: LaunchRequest = { target: null, hidden: false, errors: [] };
  const take = (parsed: Parsed<NavigateTarget>): void => {
    if (!parsed.ok) request.errors.push(parsed.reason);
    else request.target ??= parsed.value;
  };
  const consumed = new Set<number>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (consumed.has(i)) continue;
    if (arg === '--hidden') {
      request.hidden = true;
    } else if (/^wawp-link:/i.test(arg)) {
      take(parseDeepLink(arg));
    } else if (VIEW_FLAGS[arg]) {
      let j = i + 1;
      while (j < argv.length && argv[j]!.startsWith('--') && !VIEW_FLAGS[argv[j]!]) j += 1;
      const next = argv[j];
      const value = next === undefined || next.startsWith('-') ? undefined : next;
      take(target(VIEW_FLAGS[arg], value, arg));
      if (value !== undefined) consumed.add(j);
    } else {
      const eq = /^(--login|--pairing)=(.*)$/s.exec(arg);
      if (eq) take(target(VIEW_FLAGS[eq[1]!]!, eq[2], eq[1]!));
    }
  }
  return request;
}
