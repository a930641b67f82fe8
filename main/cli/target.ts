/** Resolves which server and token a command talks to for one instance id. */
import { checkBaseUrl } from './args';
import { DEFAULT_BASE_URL, type CliContext } from './context';
import type { InstanceConfig } from './instance-configs';
import type { StepContext } from './next-step';
import { resolveToken } from './token-source';

export interface Target {
  instanceId: string;
  baseUrl: string;
  entry: InstanceConfig | null;
  token: string;
  /** What next steps may name (where the server and token came from). */
  steps: StepContext;
}

/** Base URL: --base-url, else WAWP_BASE_URL, else the saved entry's, else the public API. */
export function resolveBaseUrl(
  ctx: CliContext,
  instanceId: string,
  flag: string | undefined,
): { baseUrl: string; from: StepContext['baseUrlFrom'] } {
  if (flag) return { baseUrl: checkBaseUrl(flag), from: 'flag' };
  if (ctx.io.env.WAWP_BASE_URL)
    return { baseUrl: checkBaseUrl(ctx.io.env.WAWP_BASE_URL, 'WAWP_BASE_URL'), from: 'env' };
  const saved = safeFind(ctx, instanceId)?.baseUrl;
  return saved ? { baseUrl: saved, from: 'saved' } : { baseUrl: DEFAULT_BASE_URL, from: 'default' };
}

/** Settings are optional for login/status: an unreadable settings file must not block an env-token run. */
function safeFind(ctx: CliContext, instanceId: string, baseUrl?: string): InstanceConfig | null {
  try {
    return ctx.instances().find(instanceId, baseUrl);
  } catch {
    return null;
  }
}

/** Everything needed to talk to `instanceId`; throws UsageError when no token can be found. */
export async function resolveTarget(
  ctx: CliContext,
  command: StepContext['command'],
  instanceId: string,
  baseUrlFlag?: string,
): Promise<Target> {
  const { baseUrl, from } = resolveBaseUrl(ctx, instanceId, baseUrlFlag);
  const entry = safeFind(ctx, instanceId, baseUrl);
  const { token, source } = await resolveToken(ctx.io.env, () => ctx.secrets(), baseUrl, instanceId);
  return {
    instanceId,
    baseUrl,
    entry,
    token,
    steps: { command, instanceId, baseUrl, baseUrlFrom: from, tokenSource: source },
  };
}

/** "wawp-link · 3EB0BCB2E3D4 (Sales) · http://127.0.0.1:4000" for the human screen. */
export function titleFor(t: Pick<Target, 'instanceId' | 'baseUrl' | 'entry'>): string {
  const label = t.entry?.label ? ` (${t.entry.label})` : '';
  const where = t.baseUrl === DEFAULT_BASE_URL ? '' : ` · ${t.baseUrl}`;
  return `wawp-link · instance ${t.instanceId}${label}${where}`;
}
