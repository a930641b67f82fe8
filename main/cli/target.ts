/** Resolves which server and token a command talks to for one instance id. */
import { checkBaseUrl } from './args';
import { DEFAULT_BASE_URL, type CliContext } from './context';
import type { HintContext } from './hints';
import type { InstanceConfig } from './instance-configs';
import { resolveToken } from './token-source';

export interface Target {
  instanceId: string;
  baseUrl: string;
  entry: InstanceConfig | null;
  token: string;
  hints: HintContext;
}

/** Base URL: --base-url, else WAWP_BASE_URL, else the saved entry's, else the public API. */
export function resolveBaseUrl(ctx: CliContext, instanceId: string, flag: string | undefined): string {
  if (flag) return checkBaseUrl(flag);
  if (ctx.io.env.WAWP_BASE_URL) return checkBaseUrl(ctx.io.env.WAWP_BASE_URL, 'WAWP_BASE_URL');
  return safeFind(ctx, instanceId)?.baseUrl ?? DEFAULT_BASE_URL;
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
  instanceId: string,
  baseUrlFlag?: string,
): Promise<Target> {
  const baseUrl = resolveBaseUrl(ctx, instanceId, baseUrlFlag);
  const entry = safeFind(ctx, instanceId, baseUrl);
  const { token, source } = await resolveToken(ctx.io.env, () => ctx.secrets(), baseUrl, instanceId);
  return { instanceId, baseUrl, entry, token, hints: { instanceId, baseUrl, tokenSource: source } };
}

/** "wawp-link · 3EB0BCB2E3D4 (Sales) · http://127.0.0.1:4000" for the human screen. */
export function titleFor(t: Pick<Target, 'instanceId' | 'baseUrl' | 'entry'>): string {
  const label = t.entry?.label ? ` (${t.entry.label})` : '';
  const where = t.baseUrl === DEFAULT_BASE_URL ? '' : ` · ${t.baseUrl}`;
  return `wawp-link · instance ${t.instanceId}${label}${where}`;
}
