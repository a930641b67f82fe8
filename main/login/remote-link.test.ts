import { describe, expect, it } from 'vitest';
import type { RemoteLinkEvent } from '../../common/remote-link';
import { createRemoteLink } from './remote-link';
import { createLoginSession } from './session';
import { createFakeClock, flush } from './testing/fake-clock';
import { createFakeWawp, type FakeWawpOptions } from './testing/fake-wawp';

const MIN = 60_000;

function setup(wawp: FakeWawpOptions = {}, expectedPhone: string | null = null) {
  const clock = createFakeClock();
  const fake = createFakeWawp(clock, wawp);
  const session = createLoginSession({ client: fake.client, clock, random: () => 0.5, expectedPhone });
  const logs: string[] = [];
  const remote = createRemoteLink({
    client: fake.client,
    session,
    clock,
    log: (message, detail) => logs.push(`${message} ${JSON.stringify(detail ?? {})}`),
  });
  const events: RemoteLinkEvent[] = [];
  remote.onEvent((e) => events.push(e));
  const calls = (method: string) => fake.calls.filter((c) => c.method === method).length;
  const types = () => events.map((e) => e.type);
  return { clock, fake, session, remote, events, calls, types, logs };
}

describe('remote link (fake clock)', () => {
  it('makes a link when there is none, and the server holds the same one', async () => {
    const { remote, fake, events, calls, clock } = setup();
    const result = await remote.open();
    expect(result.ok).toBe(true);
    expect(fake.tempLink()?.url).toBe(remote.current()?.url);
    expect(events).toEqual([
      {
        type: 'link',
        url: fake.tempLink()!.url,
        expiresAt: remote.current()!.expiresAt,
        reused: false,
        replaced: false,
      },
    ]);
    const left = remote.current()!.expiresAt - clock.now();
    expect(left).toBeLessThanOrEqual(30 * MIN);
    expect(left).toBeGreaterThan(30 * MIN - 2000);
    expect(calls('getTempLink')).toBe(1);
    expect(calls('createTempLink')).toBe(1);
  });

  it('reuses a live link with time left, so copies already sent keep working', async () => {
    const a = setup();
    await a.remote.open();
    const second = createRemoteLink({ client: a.fake.client, session: a.session, clock: a.clock });
    await a.clock.advance(10 * MIN);
    const result = await second.open();
    expect(result).toMatchObject({
      ok: true,
      offer: { url: a.fake.tempLink()!.url, reused: true, replaced: false },
    });
    expect(a.calls('createTempLink')).toBe(1);
  });

  it('replaces a link that is about to die, and says so', async () => {
    const a = setup();
    await a.remote.open();
    const old = a.fake.tempLink()!.url;
    await a.clock.advance(27 * MIN);
    const again = createRemoteLink({ client: a.fake.client, session: a.session, clock: a.clock });
    const result = await again.open();
    expect(result).toMatchObject({ ok: true, offer: { reused: false, replaced: true } });
    expect(result.ok && result.offer.url).not.toBe(old);
  });

  it('reports expiry after 30 minutes, on the local clock even when the server clock is off', async () => {
    const { remote, clock, types, events } = setup({ serverOffsetMs: 7 * MIN });
    const opened = clock.now();
    await remote.open();
    const link = events[0] as Extract<RemoteLinkEvent, { type: 'link' }>;
    expect(link.expiresAt).toBeLessThanOrEqual(opened + 30 * MIN);
    expect(link.expiresAt).toBeGreaterThan(opened + 30 * MIN - 2000);
    await clock.advance(30 * MIN - 2000);
    expect(types()).toEqual(['link']);
    await clock.advance(2000);
    expect(types()).toEqual(['link', 'link-expired']);
    expect(remote.current()).toBeNull();
  });

  it('a new link replaces the old one at once', async () => {
    const { remote, fake, events } = setup();
    await remote.open();
    const old = fake.tempLink()!.url;
    const renewed = await remote.renew();
    expect(renewed).toMatchObject({ ok: true, offer: { replaced: true, reused: false } });
    expect(fake.tempLink()!.url).not.toBe(old);
    expect(events.filter((e) => e.type === 'link')).toHaveLength(2);
  });

  it('a double click makes one link, not two', async () => {
    const { remote, calls } = setup();
    await Promise.all([remote.open(), remote.open()]);
    expect(calls('createTempLink')).toBe(1);
  });

  it('links through the session, warns about a wrong number, and revokes the link', async () => {
    const { remote, session, fake, clock, types, events } = setup({}, '201099999999');
    session.start();
    await remote.open();
    expect(await clock.runUntil(() => fake.status() === 'SCAN_QR_CODE', MIN)).toBe(true);
    expect(fake.scan('447700900123')).toBe(true);
    expect(await clock.runUntil(() => types().includes('revoked'), MIN)).toBe(true);
    expect(events.find((e) => e.type === 'linked')).toEqual({
      type: 'linked',
      me: { id: '447700900123@c.us', pushName: 'Ann' },
      expectedPhone: '201099999999',
      phoneMatches: false,
    });
    expect(events.at(-1)).toEqual({ type: 'revoked', why: 'linked' });
    expect(fake.tempLink()).toBeNull();
    expect(remote.current()).toBeNull();
    session.stop();
  });

  it('cancel revokes the link; a later link by QR is not reported as remote', async () => {
    const { remote, session, fake, clock, types } = setup();
    session.start();
    await remote.open();
    await remote.cancel();
    expect(fake.tempLink()).toBeNull();
    expect(types()).toEqual(['link', 'revoked']);
    await clock.runUntil(() => fake.status() === 'SCAN_QR_CODE', MIN);
    fake.scan();
    await clock.advance(10_000);
    expect(types()).toEqual(['link', 'revoked']);
    session.stop();
  });

  it('restarts the session when the codes run out while the link is live', async () => {
    const { remote, session, fake, clock, calls } = setup();
    session.start();
    await remote.open();
    expect(await clock.runUntil(() => calls('restart') > 0, 5 * MIN)).toBe(true);
    expect(await clock.runUntil(() => fake.status() === 'SCAN_QR_CODE', MIN)).toBe(true);
    session.stop();
  });

  it('reports a failed step as an error event and result, without the link in any log', async () => {
    const { remote, fake, events, logs } = setup();
    fake.fail('getTempLink', { error: { code: 'unauthorized', message: 'The access token was refused.' } });
    expect(await remote.open()).toMatchObject({ ok: false, error: { code: 'unauthorized', during: 'open' } });
    expect(events).toEqual([
      { type: 'error', code: 'unauthorized', message: 'The access token was refused.', during: 'open' },
    ]);
    await remote.open();
    fake.fail('revokeTempLink', { error: { code: 'network', message: 'down', cause: 'refused', host: 'h' } });
    await remote.cancel();
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      code: 'network',
      during: 'revoke',
      cause: 'refused',
    });
    expect(logs.join('\n')).not.toContain('temp-qr');
  });

  it('dispose stops the expiry timer and leaves the link alone (--keep)', async () => {
    const { remote, fake, clock, types } = setup();
    await remote.open();
    remote.dispose();
    await flush();
    expect(clock.pending()).toBe(0);
    expect(fake.tempLink()).not.toBeNull();
    await clock.advance(31 * MIN);
    expect(types()).toEqual(['link']);
  });
});
