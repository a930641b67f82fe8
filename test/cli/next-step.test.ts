import { describe, expect, it } from 'vitest';
import { codesUsedUp } from '../../main/cli/login-outcomes';
import { cliProblem, nextStep, type StepContext } from '../../main/cli/next-step';
import { causeOf } from '../../main/cli/server-watch';
import type { ProblemAction } from '../../common/problems';

const ctx: StepContext = {
  command: 'login',
  instanceId: '3EB0BCB2E3D4',
  baseUrl: 'http://127.0.0.1:4000',
  baseUrlFrom: 'flag',
  tokenSource: 'keychain',
};
const ACTIONS: ProblemAction[] = [
  'edit_token',
  'check_instance',
  'new_code',
  'check_plan',
  'edit_server',
  'fix_phone',
  'retry',
];

describe('CLI next steps', () => {
  it('gives one step per action, each a single line', () => {
    for (const action of ACTIONS) {
      const step = nextStep(action, ctx, '127.0.0.1:4000');
      expect(step, action).not.toContain('\n');
      expect(step.length, action).toBeGreaterThan(10);
    }
  });

  it('points a token problem at where the token came from', () => {
    expect(nextStep('edit_token', ctx, 'h')).toBe(
      'store the right token: wawp-link instances add 3EB0BCB2E3D4 --base-url http://127.0.0.1:4000',
    );
    expect(nextStep('edit_token', { ...ctx, tokenSource: 'env' }, 'h')).toContain('WAWP_ACCESS_TOKEN');
  });

  it('changes the server where it was set: flag, environment or saved entry', () => {
    expect(nextStep('edit_server', ctx, 'h')).toContain('wawp-link login 3EB0BCB2E3D4 --base-url <server>');
    expect(nextStep('edit_server', { ...ctx, baseUrlFrom: 'env' }, 'h')).toContain('WAWP_BASE_URL');
    expect(nextStep('edit_server', { ...ctx, baseUrlFrom: 'saved' }, 'h')).toContain(
      'wawp-link instances add',
    );
  });

  it('names the host in network problems, defaulting to the target server', () => {
    const p = cliProblem({ code: 'network', cause: 'refused' }, ctx);
    expect(p.sentence).toBe('127.0.0.1:4000 refused the connection.');
    expect(p.next).toContain('127.0.0.1:4000');
  });
});

describe('causeOf (fetch rejections)', () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  it('reads the codes Node fetch nests in cause and AggregateError', () => {
    expect(causeOf(fetchFailed(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })))).toBe('refused');
    expect(
      causeOf(fetchFailed(new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })]))),
    ).toBe('refused');
    expect(causeOf(fetchFailed(Object.assign(new Error(), { code: 'ENOTFOUND' })))).toBe('unresolved');
    expect(causeOf(fetchFailed(Object.assign(new Error(), { code: 'EAI_AGAIN' })))).toBe('unresolved');
    expect(causeOf(fetchFailed(Object.assign(new Error(), { code: 'UND_ERR_CONNECT_TIMEOUT' })))).toBe(
      'timed_out',
    );
    expect(causeOf(new DOMException('t', 'TimeoutError'))).toBe('timed_out');
    expect(causeOf(fetchFailed(Object.assign(new Error(), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })))).toBe(
      'tls',
    );
    expect(causeOf(fetchFailed(Object.assign(new Error(), { code: 'ECONNRESET' })))).toBe('reset');
    expect(causeOf(new DOMException('a', 'AbortError'))).toBe('cancelled');
    expect(causeOf(fetchFailed(new Error('bad port')))).toBe('other');
  });
});

describe('codesUsedUp (the CLI ending when no code was scanned)', () => {
  it(' --restarts is offered to login only, and a renewing server is not said to give up', () => {
    const login = (restarts: number, renewing: boolean) => codesUsedUp(ctx, restarts, renewing).problem;
    expect(login(0, false).next).toMatch(/ --restarts 3$/);
    expect(login(1, false).next).not.toContain('--restarts');
    expect(login(1, true).sentence).toContain('the server started new ones, but --restarts 1 allows no more');
    for (const renewing of [false, true]) {
      const pair = codesUsedUp({ ...ctx, command: 'pair' }, 0, renewing).problem;
      expect(pair.next).toBe(
        'run it again when the phone is at hand: wawp-link pair 3EB0BCB2E3D4 --phone <number> --base-url http://127.0.0.1:4000',
      );
      expect(pair.sentence).not.toContain('--restarts');
      // A pairing code is typed on the phone, not scanned.
      expect(pair.title).toBe('The pairing code was not entered');
      expect(pair.sentence).toMatch(/^The pairing code expired before it was entered on the phone, so /);
    }
    expect(codesUsedUp(ctx, 0, true).problem.sentence).not.toContain('the session gave up');
  });
});
