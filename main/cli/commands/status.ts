/** `wawp-link status [<instance-id>…]`: one session/info read per instance, as a table or JSON lines. */
import { checkInstanceId, parseCommandArgs } from '../args';
import type { CliContext } from '../context';
import { CliError, EXIT, UsageError, exitCodeFor, type ExitCode } from '../exit-codes';
import { linkedAs, statusInWords } from '../format';
import { STATUS_HELP } from '../help';
import { cliProblem } from '../next-step';
import { watchServer } from '../server-watch';
import { resolveTarget } from '../target';

const OPTIONS = {
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Row {
  instanceId: string;
  baseUrl?: string;
  flag?: string;
}

/** Runs `status`; exit 0 when every status was read, else the first failure's code. */
export async function statusCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('status', argv, OPTIONS);
  if (values.help) return (ctx.io.out(STATUS_HELP), 0);
  const rows: Row[] = positionals.length
    ? positionals.map((id) => ({ instanceId: checkInstanceId('status', id), flag: values['base-url'] }))
    : ctx
        .instances()
        .list()
        .map((e) => ({ instanceId: e.instanceId, baseUrl: e.baseUrl }));
  if (rows.length === 0) {
    throw new UsageError(
      'No instances are configured. Add one with "wawp-link instances add <instance-id>", or name ids.',
    );
  }
  let exit: ExitCode = EXIT.linked;
  const note = (code: ExitCode): void => void (exit === EXIT.linked && (exit = code));
  for (const row of rows) {
    if (ctx.io.interrupt.aborted) return EXIT.interrupted;
    let target;
    try {
      target = await resolveTarget(ctx, 'status', row.instanceId, row.flag ?? row.baseUrl);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      note(error.exitCode);
      report(ctx, row.instanceId, null, { code: 'no_token', message: error.message });
      continue;
    }
    const watch = watchServer(target.baseUrl);
    const client = ctx.createClient({
      baseUrl: target.baseUrl,
      instanceId: row.instanceId,
      accessToken: target.token,
      fetch: watch.fetch,
    });
    const info = await client.sessionInfo({ signal: ctx.io.interrupt });
    if (info.ok) {
      const { status, rawStatus, me } = info.data;
      if (values.json) {
        ctx.io.out(
          `${JSON.stringify({ type: 'status', instanceId: row.instanceId, baseUrl: target.baseUrl, label: target.entry?.label ?? null, status, rawStatus, me })}\n`,
        );
      } else {
        const label = target.entry?.label ? ` (${target.entry.label})` : '';
        const linked = status === 'WORKING' && me ? ` · ${linkedAs(me)}` : '';
        ctx.io.out(`${row.instanceId}${label}: ${statusInWords(status, rawStatus)}${linked}\n`);
      }
    } else {
      // An HTML page (a 404 from a web server) is not Wawp saying "no such instance".
      const code = watch.unlikeStreak() > 0 ? 'not_wawp' : info.error.code;
      note(code === 'not_wawp' ? EXIT.other : exitCodeFor(code));
      const host = code === 'not_wawp' ? new URL(target.baseUrl).origin : watch.host;
      const p = cliProblem(
        { ...info.error, code, host, cause: info.error.cause ?? watch.lastCause() ?? undefined },
        target.steps,
      );
      report(ctx, row.instanceId, target.baseUrl, {
        code,
        message: `${p.title}: ${p.sentence}\n  Next: ${p.next}`,
      });
    }
  }
  return exit;

  function report(
    c: CliContext,
    instanceId: string,
    baseUrl: string | null,
    error: { code: string; message: string },
  ): void {
    if (values.json)
      c.io.out(
        `${JSON.stringify({ type: 'error', instanceId, baseUrl, code: error.code, message: error.message, fatal: true })}\n`,
      );
    c.io.err(`${instanceId}: ${error.message}\n`);
  }
}
