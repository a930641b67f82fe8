import { describe, expect, it } from 'vitest';
import { WAWP_ERROR_CODES, type NetworkCause } from './model';
import { describeProblem } from './problems';

const CAUSES: NetworkCause[] = ['refused', 'unresolved', 'timed_out', 'reset', 'tls', 'other'];
const ALL = [...WAWP_ERROR_CODES, 'invalid_phone', 'busy', 'something_new'];

describe('describeProblem', () => {
  it.each(ALL)('%s: a title and one sentence, no HTTP code, title not repeated', (code) => {
    const p = describeProblem({ code, host: 'api.example.com' }, { instanceId: '3EB0BCB2E3D4' });
    expect(p.title.length).toBeGreaterThan(3);
    expect(p.sentence.replaceAll('api.example.com', 'HOST')).toMatch(/^[^.!?]+\.$/);
    expect(`${p.title} ${p.sentence}`).not.toMatch(/HTTP|\b[45]\d\d\b/);
    expect(p.sentence.toLowerCase()).not.toContain(p.title.toLowerCase());
  });

  it.each(CAUSES)('network %s names the host, never "your internet connection"', (cause) => {
    const p = describeProblem({ code: 'network', host: '127.0.0.1:9', cause });
    expect(`${p.title} ${p.sentence}`).toContain('127.0.0.1:9');
    expect(p.sentence).not.toMatch(/internet/i);
    expect(p.retriesItself).toBe(true);
  });

  it('sends a refused token to the token, a quota to the plan, a gone session to a new code', () => {
    expect(describeProblem({ code: 'unauthorized' }).action).toBe('edit_token');
    expect(describeProblem({ code: 'quota_exceeded' }).action).toBe('check_plan');
    expect(describeProblem({ code: 'session_gone' }).action).toBe('new_code');
    expect(describeProblem({ code: 'not_wawp', host: 'h:1' }).action).toBe('edit_server');
  });
});
