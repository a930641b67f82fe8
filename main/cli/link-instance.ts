/** What `login` and `pair` share once their arguments are parsed: target, linked-number check, engine run. */
import type { CliContext } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { accountName } from './format';
import { checkLinked, otherNumberProblem } from './already-linked';
import { writeEndLine, writeJsonEvent } from './login-json';
import { runLogin } from './login-runner';
import { againCommand, problemLines } from './next-step';
import { watchServer } from './server-watch';
import { resolveTarget, titleFor } from './target';

/** Without an answer from the server for this long, login and pair give up (`--offline-limit`). */
export const DEFAULT_OFFLINE_LIMIT_S = 60;

export interface LinkRequest {
  baseUrl: string | undefined;
  json: boolean;
  autoStart: boolean;
  timeoutMs: number | undefined;
  restarts: number;
  offlineLimitMs: number;
  /** Log out a session linked to another number instead of refusing. */
  logoutFirst: boolean;
  /** Digits with country code: link with a pairing code instead of a QR. */
  pairPhone?: string;
  /** The command line as typed, for next steps (`wawp-link pair 3EB0… --phone "+1 202 555 0143"`). */
  commandLine?: string;
}

/** Resolves server and token, refuses to replace a link to another number, then drives the engine. */
export async function linkInstance(
  ctx: CliContext,
  instanceId: string,
  request: LinkRequest,
): Promise<ExitCode> {
  const { io } = ctx;
  const command = request.pairPhone ? 'pair' : 'login';
  const target = await resolveTarget(ctx, command, instanceId, request.baseUrl);
  const watch = watchServer(target.baseUrl);
  const client = ctx.createClient({
    baseUrl: target.baseUrl,
    instanceId,
    accessToken: target.token,
    fetch: watch.fetch,
  });
  const wanted = request.pairPhone ?? target.entry?.expectedPhone ?? null;
  // The check obeys --offline-limit too: a server that never answers must not hold it for long.
  const limit = request.offlineLimitMs > 0 ? [AbortSignal.timeout(request.offlineLimitMs)] : [];
  const linked = await checkLinked(client, wanted, AbortSignal.any([io.interrupt, ...limit]));
  if (linked.kind === 'same') {
    if (request.json) {
      writeJsonEvent(io, {
        type: 'connected',
        me: linked.me,
        expectedPhone: wanted,
        phoneMatches: wanted === null ? null : true,
      });
    } else io.out(`Already linked as ${accountName(linked.me)}; nothing to do.\n`);
    return EXIT.linked;
  }
  if (linked.kind === 'other') {
    const problem = otherNumberProblem(linked, instanceId, request.commandLine ?? againCommand(target.steps));
    if (!request.logoutFirst) {
      if (request.json) writeEndLine(io, 'linked_to_other_number', problem, { linkedTo: linked.me.id });
      io.err(`${problemLines(problem)}\n`);
      return EXIT.otherNumber;
    }
    const out = await client.logout({ signal: io.interrupt });
    if (!out.ok) io.err(`Logging out ${accountName(linked.me)} failed; trying to link anyway.\n`);
    else if (!request.json) io.err(`Logged out ${accountName(linked.me)}.\n`);
  }
  const session = ctx.createSession({ client, autoStart: request.autoStart, expectedPhone: wanted });
  return runLogin({
    io,
    session,
    json: request.json,
    title: titleFor(target),
    steps: target.steps,
    autoStart: request.autoStart,
    timeoutMs: request.timeoutMs,
    restarts: request.restarts,
    pairPhone: request.pairPhone,
    alternative: `Or link by phone number: wawp-link pair ${instanceId} --phone <number>`,
    watch,
    offlineLimitMs: request.offlineLimitMs,
  });
}
