import { describe, expect, it } from 'vitest';
import type { LoginEvent } from '../../common/model';
import { createLoginSession } from './session';
import { createFakeClock } from './testing/fake-clock';
import { createFakeWawp, type FakeWawpOptions } from './testing/fake-wawp';
import type { LoginSessionOptions } from './types';

function setup(wawp: FakeWawpOptions = {}, opts: Partial<LoginSessionOptions> = {}) {
  const clock = createFakeClock();
  const fake = createFakeWawp(clock, wawp);
  const events: (LoginEvent & { at: number })[] = [];
  const session = createLoginSession({ client: fake.client, clock, random: () => 0.5, ...opts });
  session.onEvent((e) => events.push({ ...e, at: clock.now() }));
  const of = <K extends LoginEvent['type']>(type: K) =>
    events.filter((e): e is Extract<LoginEvent, { type: K }> & { at: number } => e.type === type);
  return { clock, fake, events, session, of };
}

describe('login session: happy path', () => {
  it('starts a STOPPED session, shows the first code, and reports the scan as connected', async () => {
    const { clock, fake, session, of } = setup({}, { expectedPhone: '201012345678' });
    session.start();
    expect(await clock.runUntil(() => of('qr').length === 1, 10_000)).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'start')).toHaveLength(1);
    const first = of('qr')[0]!;
    expect(first.index).toBe(1);
    expect(first.value).toBe(fake.currentQr()!.value);
    await clock.advance(7_000);
    expect(fake.scan()).toBe(true);
    const scannedAt = clock.now();
    expect(await clock.runUntil(() => of('connected').length === 1, 10_000)).toBe(true);
    const connected = of('connected')[0]!;
    expect(connected.me.id).toBe('201012345678@c.us');
    expect(connected.phoneMatches).toBe(true);
    expect(connected.at - scannedAt).toBeLessThan(4_000);
    expect(of('error')).toHaveLength(0);
    session.stop();
    expect(clock.pending()).toBe(0);
  });
});
