/**
 * Error text for the terminal: the title and sentence come from common/problems.ts (the one source,
 * shared with the app); the CLI adds exactly one next step, as a command line where there is one.
 */
import { DEFAULT_BASE_URL } from '../../common/base-url';
import type { ProblemSource } from '../../common/model';
import { describeProblem, type Problem, type ProblemAction } from '../../common/problems';

/** What a next step may name: the command that ran and where its server and token came from. */
export interface StepContext {
  command: 'login' | 'pair' | 'status';
  instanceId: string;
  baseUrl: string;
  /** Where the base URL came from, so the step changes it in the same place. */
  baseUrlFrom: 'flag' | 'env' | 'saved' | 'default';
  tokenSource: 'env' | 'keychain';
}

const flagFor = (ctx: StepContext): string =>
  ctx.baseUrl === DEFAULT_BASE_URL ? '' : ` --base-url ${ctx.baseUrl}`;

/** The same command again, as the user would type it. */
export function againCommand(ctx: StepContext): string {
  const phone = ctx.command === 'pair' ? ' --phone <number>' : '';
  const url = ctx.baseUrlFrom === 'flag' ? flagFor(ctx) : '';
  return `wawp-link ${ctx.command} ${ctx.instanceId}${phone}${url}`;
}

/** One next step for `action`. */
export function nextStep(action: ProblemAction, ctx: StepContext, host: string): string {
  const phone = ctx.command === 'pair' ? ' --phone <number>' : '';
  switch (action) {
    case 'edit_token':
      return ctx.tokenSource === 'env'
        ? "set WAWP_ACCESS_TOKEN to this instance's access token from your Wawp dashboard."
        : `store the right token: wawp-link instances add ${ctx.instanceId}${flagFor(ctx)}`;
    case 'check_instance':
      return `copy the instance id from your Wawp dashboard, then: wawp-link ${ctx.command} <instance-id>${phone}`;
    case 'new_code':
      return `get a new code: wawp-link login ${ctx.instanceId}${ctx.baseUrlFrom === 'flag' ? flagFor(ctx) : ''}`;
    case 'check_plan':
      return `check your plan in the Wawp dashboard, then: ${againCommand(ctx)}`;
    case 'edit_server':
      if (ctx.baseUrlFrom === 'env')
        return `set WAWP_BASE_URL to your Wawp server (default ${DEFAULT_BASE_URL}).`;
      if (ctx.baseUrlFrom === 'saved')
        return `save the right server: wawp-link instances add ${ctx.instanceId} --base-url <server>`;
      return `run it with the right server: wawp-link ${ctx.command} ${ctx.instanceId}${phone} --base-url <server>`;
    case 'fix_phone':
      return `give the number with its country code: wawp-link pair ${ctx.instanceId} --phone "+20 101 234 5678"`;
    case 'retry':
      return `check that ${host} is up and reachable from here, then: ${againCommand(ctx)}`;
  }
}

/** The described problem with its one step. */
export interface CliProblem extends Problem {
  next: string;
}

/** Describes `source` for the terminal (the host defaults to the target's). */
export function cliProblem(source: ProblemSource, ctx: StepContext): CliProblem {
  const host = source.host ?? new URL(ctx.baseUrl).host;
  const problem = describeProblem({ ...source, host }, { instanceId: ctx.instanceId });
  return { ...problem, next: nextStep(problem.action, ctx, host) };
}

/** Three lines for stderr: title, sentence, "Next: …". */
export function problemLines(p: Pick<CliProblem, 'title' | 'sentence' | 'next'>): string {
  return `${p.title}\n${p.sentence}\nNext: ${p.next}`;
}
