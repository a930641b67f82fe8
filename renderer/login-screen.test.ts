/** What the login view shows for each state: one panel, a heading that fits, a status line with progress only. */
import { describe, expect, it } from 'vitest';
import { headingFor, panelFor, statusTextFor } from './login-screen';
import { INITIAL_LOGIN_STATE, type LoginViewState } from './login-state';

const me = { id: '201099999999@c.us', pushName: 'Ann' };
const linked = (expectedPhone: string | null): LoginViewState => ({
  ...INITIAL_LOGIN_STATE,
  phase: 'linked',
  linked: { me, expectedPhone, phoneMatches: expectedPhone === null ? null : false },
});
const retrying: LoginViewState['error'] = {
  code: 'network',
  message: 'x',
  fatal: false,
  retryAt: 5_000,
};

describe('login screen', () => {
  it('a different number is "wrong" until the instance expects the linked one', () => {
    expect(panelFor(linked('201012345678'), 'qr', '201012345678')).toBe('wrong');
    expect(panelFor(linked('201012345678'), 'qr', '201099999999')).toBe('linked');
    expect(panelFor(linked(null), 'qr', null)).toBe('linked');
    expect(headingFor('wrong', 'Shop')).toBe('“Shop” linked a different number');
    expect(headingFor('linked', 'Shop')).toBe('“Shop” is linked');
  });

  it('a retrying problem takes over only while no code is on screen', () => {
    const starting: LoginViewState = { ...INITIAL_LOGIN_STATE, phase: 'starting', error: retrying };
    expect(panelFor(starting, 'qr', null)).toBe('trouble');
    const qr = { value: 'v', expiresAt: 9e12, index: 1, expectedCount: 6 };
    expect(panelFor({ ...starting, phase: 'qr', qr }, 'pairing', null)).toBe('pairing');
  });

  it('the remote link stays on screen through used-up codes and retries; linked and errors take over', () => {
    const exhausted: LoginViewState = { ...INITIAL_LOGIN_STATE, phase: 'exhausted' };
    expect(panelFor(exhausted, 'remote', null)).toBe('remote');
    expect(panelFor({ ...INITIAL_LOGIN_STATE, phase: 'starting', error: retrying }, 'remote', null)).toBe(
      'remote',
    );
    expect(statusTextFor(exhausted, 'remote')).toBe('Waiting for the owner to open the link and scan…');
    expect(panelFor(linked('201012345678'), 'remote', '201012345678')).toBe('wrong');
    expect(panelFor({ ...INITIAL_LOGIN_STATE, phase: 'error' }, 'remote', null)).toBe('error');
    expect(panelFor({ ...INITIAL_LOGIN_STATE, phase: 'stopped' }, 'remote', null)).toBe('stopped');
  });

  it('the status line is empty whenever a panel says the news', () => {
    for (const panel of ['linked', 'wrong', 'exhausted', 'error', 'trouble', 'stopped'] as const)
      expect(statusTextFor(linked(null), panel)).toBe('');
    expect(statusTextFor({ ...INITIAL_LOGIN_STATE, phase: 'qr' }, 'qr')).toBe(
      'Waiting for you to scan the code.',
    );
  });
});
