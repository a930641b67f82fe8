/** `wawp-link instances list|add|remove`: configured instances; tokens go to the OS keychain only. */
import { normalizePhone } from '../../login/pairing';
import { checkBaseUrl, checkInstanceId, parseCommandArgs } from '../args';
import { DEFAULT_BASE_URL, type CliContext } from '../context';
import { CliError, EXIT, UsageError, type ExitCode } from '../exit-codes';
import { formatPhone } from '../format';
import { INSTANCES_HELP } from '../help';
import { keychainAdvice } from '../keychain-advice';
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
  const flagUrl = values['base-url'] === undefined ? null : checkBaseUrl(values['base-url']);
  switch (verb) {
    case 'list':
      return listInstances(ctx, values.json === true);
    case 'add': {
      const instanceId = checkInstanceId('instances', id);
      const phone = values['expected-phone'];
      const check = phone === undefined ? null : normalizePhone(phone);
      if (check && !check.ok) throw new UsageError(`--expected-phone: ${check.message}`);
      return addInstance(ctx, instanceId, {
        baseUrl: flagUrl,
        label: values.label ?? null,
        expectedPhone: check?.ok ? check.digits : null,
      });
    }
    case 'remove': {
      const instanceId = checkInstanceId('instances', id);
      // Without --base-url, remove the saved entry for this id wherever it points.
      const saved = flagUrl ? null : ctx.instances().find(instanceId);
      return removeInstance(ctx, instanceId, flagUrl ?? saved?.baseUrl ?? DEFAULT_BASE_URL);
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
  if (keychainProblem)
    ctx.io.err(`The keychain could not be read.\n${keychainAdvice(ctx.io.env, keychainProblem)}\n`);
  return EXIT.linked;
}

/** What `instances add` was told; null = not named on the command line, so an update keeps it. */
interface AddRequest {
  baseUrl: string | null;
  label: string | null;
  expectedPhone: string | null;
}

/** Adds an instance, or updates one: fields not named keep their value; a new server is explicit. */
async function addInstance(ctx: CliContext, instanceId: string, request: AddRequest): Promise<ExitCode> {
  const { io } = ctx;
  const configs = ctx.instances();
  const previous = configs.find(instanceId);
  const baseUrl = request.baseUrl ?? previous?.baseUrl ?? DEFAULT_BASE_URL;
  const moved = previous !== null && previous.baseUrl !== baseUrl;
  // Updating the label or phone of an entry on the same server may keep the stored token.
  const storedToken =
    previous && !moved
      ? await ctx
          .secrets()
          .get({ baseUrl, instanceId })
          .catch(() => null)
      : null;
  // Save the settings first: they validate the label and URL before anyone types a token.
  configs.upsert({
    instanceId,
    baseUrl,
    label: request.label ?? previous?.label ?? null,
    expectedPhone: request.expectedPhone ?? previous?.expectedPhone ?? null,
  });
  const undo = (): void => {
    if (previous) configs.upsert(previous);
    else configs.remove(instanceId, baseUrl);
  };
  let tokenKept = false;
  try {
    const keep = storedToken ? '; Enter keeps the saved one' : '';
    const token = await readSecret(
      io.stdin,
      io.stdinIsTTY,
      (t) => io.err(t),
      `Access token for ${instanceId} (typing is hidden${keep}): `,
    );
    if (!token && storedToken) tokenKept = true;
    else if (!token) {
      throw new UsageError(
        `No token was given. Type it at the prompt, or pipe it in: printf '%s' "$TOKEN" | wawp-link instances add ${instanceId}`,
      );
    } else if (/\s/.test(token)) {
      throw new UsageError('The token contains spaces or line breaks; paste only the token itself.');
    } else {
      try {
        await ctx.secrets().set({ baseUrl, instanceId }, token);
      } catch (error) {
        throw new CliError(
          `The token could not be saved in the OS keychain, so nothing was changed.\n${keychainAdvice(io.env, (error as Error).message)}`,
        );
      }
    }
  } catch (error) {
    undo();
    throw error;
  }
  if (moved) {
    // The entry moved to another server: its old token must not linger in the keychain.
    await ctx
      .secrets()
      .delete({ baseUrl: previous.baseUrl, instanceId })
      .catch(() => false);
    io.out(`Moved ${instanceId} from ${previous.baseUrl} to ${baseUrl}.\n`);
  }
  const shown = request.label ?? previous?.label;
  const token = tokenKept ? 'kept its saved token' : 'its token is in the OS keychain';
  io.out(`${previous ? 'Updated' : 'Added'} ${instanceId}${shown ? ` (${shown})` : ''}; ${token}.\n`);
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
