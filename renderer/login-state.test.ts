/** The login view's reducer: what each engine event does to the screen. */
import { describe, expect, it } from 'vitest';
import type { LoginEvent } from '../common/model';
import { panelFor } from './login-screen';
import { INITIAL_LOGIN_STATE, reduceLogin, type LoginViewState } from './login-state';

const run = (events: LoginEvent[], now = 1_000): LoginViewState =>
  events.reduce((state, event) => reduceLogin(state, event, now), INITIAL_LOGIN_STATE);
const qr = (index: number): LoginEvent => ({
  type: 'qr',
  value: `v${index}`,
  expiresAt: 50_000,
  index,
  expectedCount: 6,
});

describe('reduceLogin', () => {
  it('shows a code, hides it when it expires (renewing), and shows the next one', () => {
    expect(run([qr(1)]).qr?.value).toBe('v1');
    const expired = run([qr(1), { type: 'qr-expired' }]);
    expect(expired).toMatchObject({ phase: 'qr', qr: null, renewing: true });
    expect(run([qr(1), { type: 'qr-expired' }, qr(2)])).toMatchObject({ qr: { index: 2 }, renewing: false });
  });

  it('connected replaces the code with the linked account and keeps phoneMatches', () => {
    const me = { id: '201012345678@c.us', pushName: 'Ann' };
    const state = run([qr(1), { type: 'connected', me, expectedPhone: '201099999999', phoneMatches: false }]);
    expect(state).toMatchObject({ phase: 'linked', qr: null, linked: { me, phoneMatches: false } });
    expect(reduceLogin(state, { type: 'stopped' }, 0).phase).toBe('linked');
  });

  it('a server that renews the cycle by itself needs no "Get a new code" at any step, and counts from 1 again', () => {
    // The engine's order when the last code dies and the server restarts itself (qrExhaustion 'restart').
    const steps: LoginEvent[] = [
      qr(6),
      { type: 'qr-expired' },
      { type: 'status', status: 'STARTING', rawStatus: 'STARTING' },
      { type: 'status', status: 'SCAN_QR_CODE', rawStatus: 'SCAN_QR_CODE' },
      { type: 'exhausted', renewing: true },
    ];
    for (let n = 1; n <= steps.length; n++)
      expect(panelFor(run(steps.slice(0, n)), 'qr', null), `after ${n} events`).toBe('qr');
    expect(run(steps)).toMatchObject({ phase: 'qr', qr: null, renewing: true });
    expect(run([...steps, qr(1)])).toMatchObject({ qr: { index: 1 }, renewing: false });
  });

  it('exhausted and FAILED drop the code and offer "Get a new code"', () => {
    expect(run([qr(6), { type: 'exhausted' }])).toMatchObject({ phase: 'exhausted', qr: null });
    const failed = run([
      qr(6),
      { type: 'qr-expired' },
      { type: 'status', status: 'FAILED', rawStatus: 'FAILED' },
      { type: 'exhausted' },
    ]);
    expect(failed).toMatchObject({ phase: 'exhausted', qr: null, renewing: false });
    expect(panelFor(failed, 'qr', null)).toBe('exhausted');
  });

  it('fatal errors take over the screen; retryable ones keep it and carry a retry deadline', () => {
    const fatal = run([qr(1), { type: 'error', code: 'unauthorized', message: 'no', fatal: true }]);
    expect(fatal).toMatchObject({ phase: 'error', qr: null, error: { code: 'unauthorized' } });
    const soft = run(
      [qr(1), { type: 'error', code: 'upstream_error', message: 'down', fatal: false, retryInMs: 4_000 }],
      10_000,
    );
    expect(soft).toMatchObject({
      phase: 'qr',
      qr: { value: 'v1' },
      error: { retryAt: 14_000, fatal: false },
    });
    expect(reduceLogin(soft, qr(2), 0).error).toBeNull();
  });

  it('keeps what names a problem (host, cause, detail); a stopped loop drops a retrying one, not a fatal one', () => {
    const soft: LoginEvent = {
      type: 'error',
      code: 'network',
      message: 'x',
      fatal: false,
      retryInMs: 1_000,
      host: 'api.example.com',
      cause: 'refused',
      detail: 'connect ECONNREFUSED',
    };
    const state = run([soft]);
    expect(state.error).toMatchObject({
      host: 'api.example.com',
      cause: 'refused',
      detail: 'connect ECONNREFUSED',
    });
    expect(reduceLogin(state, { type: 'stopped' }, 0)).toMatchObject({ phase: 'stopped', error: null });
    const fatal = run([
      { type: 'error', code: 'unauthorized', message: 'no', fatal: true },
      { type: 'stopped' },
    ]);
    expect(fatal).toMatchObject({ phase: 'error', error: { code: 'unauthorized' } });
  });
});
