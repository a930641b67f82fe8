/** Dispatches `wawp-link <command> …` and turns every failure into words on stderr plus an exit code. */
import { parseCommandArgs } from './args';
import { demoCommand } from './commands/demo';
import { instancesCommand } from './commands/instances';
import { linkUrlCommand } from './commands/link-url';
import { loginCommand } from './commands/login';
import { pairCommand } from './commands/pair';
import { statusCommand } from './commands/status';
import type { CliContext } from './context';
import { CliError, EXIT, UsageError, type ExitCode } from './exit-codes';
import { MAIN_HELP } from './help';
import { redactText } from '../wawp/redact';

const COMMANDS: Record<string, (ctx: CliContext, argv: string[]) => Promise<ExitCode>> = {
  login: loginCommand,
  pair: pairCommand,
  'link-url': linkUrlCommand,
  status: statusCommand,
  instances: instancesCommand,
  demo: demoCommand,
};

/** Runs the CLI for `argv` (without node and script); never throws. */
export async function runCli(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const secrets = ctx.io.env.WAWP_ACCESS_TOKEN ? [ctx.io.env.WAWP_ACCESS_TOKEN.trim()] : [];
  try {
    const [first, ...rest] = argv;
    if (first === undefined || !first.startsWith('-') || first === '--') {
      if (first === undefined) throw new UsageError(`Missing a command.\n\n${MAIN_HELP}`);
      const command = COMMANDS[first];
      if (!command)
        throw new UsageError(`Unknown command "${first}".\nRun "wawp-link --help" to see the commands.`);
      return await command(ctx, rest);
    }
    const { values } = parseCommandArgs('', argv, {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    });
    if (values.version) ctx.io.out(`${ctx.version}\n`);
    else ctx.io.out(MAIN_HELP);
    return EXIT.linked;
  } catch (error) {
    if (error instanceof CliError) {
      ctx.io.err(`${redactText(error.message, secrets)}\n`);
      return error.exitCode;
    }
    const text = error instanceof Error ? error.message : String(error);
    ctx.io.err(
      `wawp-link failed unexpectedly: ${redactText(text, secrets)}\nPlease report this, with the command you ran.\n`,
    );
    return EXIT.other;
  }
}
