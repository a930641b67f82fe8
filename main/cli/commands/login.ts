/** `wawp-link login <instance-id>`: QR login in the terminal (or JSON events), exit code per outcome. */
import { parseCommandArgs, parseCount, parseSeconds, requireInstanceId } from '../args';
import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import { LOGIN_HELP } from '../help';
import { DEFAULT_OFFLINE_LIMIT_S, linkInstance } from '../link-instance';

/** Flags both `login` and `pair` take. */
export const LINK_OPTIONS = {
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'offline-limit': { type: 'string' },
  'no-start': { type: 'boolean' },
  'logout-first': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OPTIONS = { ...LINK_OPTIONS, restarts: { type: 'string' } } as const;

/** The shared flags, checked. */
export function linkFlags(values: {
  'base-url'?: string | boolean;
  json?: string | boolean;
  timeout?: string | boolean;
  'offline-limit'?: string | boolean;
  'no-start'?: string | boolean;
  'logout-first'?: string | boolean;
}) {
  const str = (v: string | boolean | undefined): string | undefined =>
    typeof v === 'string' ? v : undefined;
  return {
    baseUrl: str(values['base-url']),
    json: values.json === true,
    autoStart: values['no-start'] !== true,
    timeoutMs: parseSeconds('timeout', str(values.timeout)),
    offlineLimitMs: parseCount('offline-limit', str(values['offline-limit']), DEFAULT_OFFLINE_LIMIT_S) * 1000,
    logoutFirst: values['logout-first'] === true,
  };
}

/** Runs `login`; resolves the exit code (0 linked, 3/4/5/6/1 per outcome, 130 on Ctrl-C). */
export async function loginCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('login', argv, OPTIONS);
  if (values.help) return (ctx.io.out(LOGIN_HELP), 0);
  const instanceId = requireInstanceId('login', positionals);
  const restarts = parseCount(
    'restarts',
    typeof values.restarts === 'string' ? values.restarts : undefined,
    0,
  );
  return linkInstance(ctx, instanceId, { ...linkFlags(values), restarts });
}
