/** `wawp-link login <instance-id>`: QR login in the terminal (or JSON events), exit code per outcome. */
import { parseCommandArgs, parseCount, parseSeconds, requireInstanceId } from '../args';
import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import { LOGIN_HELP } from '../help';
import { runLogin } from '../login-runner';
import { resolveTarget, titleFor } from '../target';

const OPTIONS = {
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'no-start': { type: 'boolean' },
  restarts: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `login`; resolves the exit code (0 linked, 3/4/5/1 per outcome, 130 on Ctrl-C). */
export async function loginCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('login', argv, OPTIONS);
  if (values.help) return (ctx.io.out(LOGIN_HELP), 0);
  const instanceId = requireInstanceId('login', positionals);
  const timeoutMs = parseSeconds('timeout', values.timeout);
  const restarts = parseCount('restarts', values.restarts, 0);
  return linkInstance(ctx, instanceId, {
    baseUrl: values['base-url'],
    json: values.json === true,
    autoStart: !values['no-start'],
    timeoutMs,
    restarts,
  });
}

/** What `login` and `pair` share once their arguments are parsed. */
export interface LinkRequest {
  baseUrl: string | undefined;
  json: boolean;
  autoStart: boolean;
  timeoutMs: number | undefined;
  restarts: number;
  /** Digits with country code: link with a pairing code instead of a QR. */
  pairPhone?: string;
}

/** Resolves server and token, then drives one engine session to an exit code. */
export async function linkInstance(
  ctx: CliContext,
  instanceId: string,
  request: LinkRequest,
): Promise<ExitCode> {
  const target = await resolveTarget(ctx, instanceId, request.baseUrl);
  const client = ctx.createClient({ baseUrl: target.baseUrl, instanceId, accessToken: target.token });
  const session = ctx.createSession({
    client,
    autoStart: request.autoStart,
    expectedPhone: target.entry?.expectedPhone ?? null,
  });
  return runLogin({
    io: ctx.io,
    session,
    json: request.json,
    title: titleFor(target),
    hints: target.hints,
    autoStart: request.autoStart,
    timeoutMs: request.timeoutMs,
    restarts: request.restarts,
    pairPhone: request.pairPhone,
    alternative: `Or link by phone number: wawp-link pair ${instanceId} --phone <number>`,
  });
}
