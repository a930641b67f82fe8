/** `wawp-link instances list|add|remove`: configured instances; tokens go to the OS keychain only. */
import { normalizePhone } from '../../login/pairing';
import { checkBaseUrl, checkInstanceId, parseCommandArgs } from '../args';
import { DEFAULT_BASE_URL, type CliContext } from '../context';
import { CliError, EXIT, UsageError, type ExitCode } from '../exit-codes';
import { formatPhone } from '../format';
import { INSTANCES_HELP } from '../help';
import { readSecret } from '../prompt';

const OPTIONS = {
  label: { type: 'string' },
  'base-url': { type: 'string' },
  'expected-phone': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `instances <verb>`. */
export async function instancesCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('instances', argv, OPTIONS);
  const [verb, id, ...extra] = positionals;
  if (values.help || !verb) {
    if (!verb && !values.help)
      throw new UsageError(`Missing a verb: list, add or remove.\n\n${INSTANCES_HELP}`);
    return (ctx.io.out(INSTANCES_HELP), EXIT.linked);
  }
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument "${extra[0]}".\nSee "wawp-link instances --help".`);
  const baseUrl = checkBaseUrl(values['base-url'] ?? DEFAULT_BASE_URL);
  switch (verb) {
    case 'list':
      return listInstances(ctx, values.json === true);
    case 'add': {
      const instanceId = checkInstanceId('instances', id);
      const phone = values['expected-phone'];
      const check = phone === undefined ? null : normalizePhone(phone);
      if (check && !check.ok) throw new UsageError(`--expected-phone: ${check.message}`);
      return addInstance(ctx, instanceId, baseUrl, values.label ?? null, check?.ok ? check.digits : null);
    }
    case 'remove': {
      const instanceId = checkInstanceId('instances', id);
      // Without --base-url, remove the saved entry for this id wherever it points.
      const saved = values['base-url'] ? null : ctx.instances().find(instanceId);
      return removeInstance(ctx, instanceId, saved?.baseUrl ?? baseUrl);
    }
    default:
      throw new UsageError(
        `Unknown verb "${verb}": use list, add or remove.\nSee "wawp-link instances --help".`,
      );
  }
}

async function listInstances(ctx: CliContext, json: boolean): Promise<ExitCode> {
  const configs = ctx.instances();
  const entries = configs.list();
  let stored: Set<string> | null = null;
  let keychainProblem: string | null = null;
  try {
    if (entries.length > 0)
      stored = new Set((await ctx.secrets().list()).map((k) => `${k.baseUrl} ${k.instanceId}`));
  } catch (error) {
    keychainProblem = (error as Error).message;
  }
  for (const e of entries) {
    const hasToken = stored ? stored.has(`${e.baseUrl} ${e.instanceId}`) : null;
    if (json) {
      ctx.io.out(`${JSON.stringify({ type: 'instance', ...e, tokenStored: hasToken })}\n`);
      continue;
    }
    const label = e.label ? ` (${e.label})` : '';
    const where = e.baseUrl === DEFAULT_BASE_URL ? '' : ` · ${e.baseUrl}`;
    const phone = e.expectedPhone ? ` · expects ${formatPhone(e.expectedPhone)}` : '';
    const token =
      hasToken === null ? 'token: keychain unreadable' : hasToken ? 'token in keychain' : 'no token stored';
    ctx.io.out(`${e.instanceId}${label}${where}${phone} · ${token}\n`);
  }
  if (!json && entries.length === 0) {
    ctx.io.out('No instances configured. Add one with: wawp-link instances add <instance-id> --label NAME\n');
  }
  if (keychainProblem) ctx.io.err(`The keychain could not be read: ${keychainProblem}\n`);
  return EXIT.linked;
}

async function addInstance(
  ctx: CliContext,
  instanceId: string,
  baseUrl: string,
  label: string | null,
  expectedPhone: string | null,
): Promise<ExitCode> {
  const { io } = ctx;
  const configs = ctx.instances();
  const previous = configs.find(instanceId);
  // Save the settings first: they validate the label and URL before anyone types a token.
  configs.upsert({
    instanceId,
    baseUrl,
    label: label ?? previous?.label ?? null,
    expectedPhone: expectedPhone ?? previous?.expectedPhone ?? null,
  });
  const undo = (): void => {
    if (previous) configs.upsert(previous);
    else configs.remove(instanceId, baseUrl);
  };
  try {
    const token = await readSecret(
      io.stdin,
      io.stdinIsTTY,
      (t) => io.err(t),
      `Access token for ${instanceId} (typing is hidden): `,
    );
    if (!token) {
      throw new UsageError(
        `No token was given. Type it at the prompt, or pipe it in: printf '%s' "$TOKEN" | wawp-link instances add ${instanceId}`,
      );
    }
    if (/\s/.test(token))
      throw new UsageError('The token contains spaces or line breaks; paste only the token itself.');
    try {
      await ctx.secrets().set({ baseUrl, instanceId }, token);
    } catch (error) {
      throw new CliError(
        `The token could not be saved in the OS keychain, so nothing was changed.\n${(error as Error).message}\n` +
          'Until the keychain works, pass the token for each command in the WAWP_ACCESS_TOKEN environment variable.',
      );
    }
  } catch (error) {
    undo();
    throw error;
  }
  if (previous && previous.baseUrl !== baseUrl) {
    // The entry moved to another server: its old token must not linger in the keychain.
    await ctx
      .secrets()
      .delete({ baseUrl: previous.baseUrl, instanceId })
      .catch(() => false);
  }
  const shown = label ?? previous?.label;
  io.out(
    `${previous ? 'Updated' : 'Added'} ${instanceId}${shown ? ` (${shown})` : ''}; its token is in the OS keychain.\n`,
  );
  io.out(`Next: wawp-link login ${instanceId}\n`);
  return EXIT.linked;
}

async function removeInstance(ctx: CliContext, instanceId: string, baseUrl: string): Promise<ExitCode> {
  const removed = ctx.instances().remove(instanceId, baseUrl);
  let deleted: boolean;
  try {
    deleted = await ctx.secrets().delete({ baseUrl, instanceId });
  } catch (error) {
    throw new CliError(
      `${removed ? `Removed ${instanceId} from the settings, but its` : `The`} token could not be deleted from the keychain: ` +
        `${(error as Error).message}`,
    );
  }
  if (!removed && !deleted) {
    const where = baseUrl === DEFAULT_BASE_URL ? '' : ` on ${baseUrl}`;
    throw new CliError(
      `No instance ${instanceId}${where} is configured. See "wawp-link instances list".`,
      EXIT.notFound,
    );
  }
  ctx.io.out(`Removed ${instanceId}${deleted ? ' and its token' : ''}.\n`);
  return EXIT.linked;
}
