/** The remote-link session against the simulator over loopback: create, reuse, expiry, revoke, linking. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteLinkEvent } from '../../common/remote-link';
import { createRemoteLink, type RemoteLink } from '../../main/login/remote-link';
import { createWawpClient } from '../../main/wawp/client';
import { harness, SCALE, type Harness } from './engine-harness';

/** The engine's "reuse with 5 min left" at the simulator's time scale. */
const REUSE_MIN_MS = 5 * 60_000 * SCALE;
let h: Harness | null = null;
let remote: RemoteLink | null = null;
afterEach(async () => {
  remote?.dispose();
  await h?.close();
  h = null;
  remote = null;
});

async function setup(opts: Parameters<typeof harness>[0] = {}) {
  h = await harness(opts);
  const client = createWawpClient({
    baseUrl: h.sim.baseUrl,
    instanceId: h.instanceId,
    accessToken: 'tok-engine',
  });
  remote = createRemoteLink({ client, session: h.session, reuseMinMs: REUSE_MIN_MS });
  const events: RemoteLinkEvent[] = [];
  remote.onEvent((e) => events.push(e));
  const until = async (type: RemoteLinkEvent['type'], ms = 10_000): Promise<RemoteLinkEvent> => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = events.find((e) => e.type === type);
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no ${type} event; saw ${events.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { h, remote, client, events, until };
}

describe('remote link against the simulator', () => {
  it('creates a link the simulator holds, and reuses it on a second open', async () => {
    const { h, remote, client } = await setup();
    const first = await remote.open();
    expect(first.ok && first.offer).toMatchObject({ reused: false, replaced: false });
    expect(first.ok && first.offer.url).toBe(h.sim.tempLink(h.instanceId)?.url);
    const other = createRemoteLink({ client, session: h.session, reuseMinMs: REUSE_MIN_MS });
    const second = await other.open();
    expect(second.ok && second.offer).toMatchObject({ reused: true, url: first.ok && first.offer.url });
    other.dispose();
    expect(h.sim.requestCount('session/temp-link')).toBe(3); // GET, POST, GET
  });

  it('links when the remote phone opens the link and scans; the link is then revoked', async () => {
    const { h, remote, until, events } = await setup({ session: { expectedPhone: '447700900123' } });
    h.session.start();
    const opened = await remote.open();
    if (!opened.ok) throw new Error('no link');
    await h.next('qr');
    expect(h.sim.openTempLink(opened.offer.url, { phone: '447700900123', pushName: 'Remote' })).toEqual({
      ok: true,
    });
    await until('revoked');
    expect(events.find((e) => e.type === 'linked')).toMatchObject({
      me: { id: '447700900123@c.us', pushName: 'Remote' },
      phoneMatches: true,
    });
    expect(events.at(-1)).toEqual({ type: 'revoked', why: 'linked' });
    expect(h.sim.tempLink(h.instanceId)).toBeNull();
  });

  it('cancel revokes: the link can no longer be opened', async () => {
    const { h, remote } = await setup({ status: 'SCAN_QR_CODE' });
    const opened = await remote.open();
    if (!opened.ok) throw new Error('no link');
    await remote.cancel();
    expect(h.sim.tempLink(h.instanceId)).toBeNull();
    expect(h.sim.openTempLink(opened.offer.url)).toEqual({
      ok: false,
      reason: 'temp link revoked or replaced',
    });
  });

  it('a new link stops the old one from working', async () => {
    const { h, remote } = await setup({ status: 'SCAN_QR_CODE' });
    const first = await remote.open();
    const second = await remote.renew();
    if (!first.ok || !second.ok) throw new Error('no link');
    expect(second.offer.replaced).toBe(true);
    expect(h.sim.openTempLink(first.offer.url).ok).toBe(false);
    expect(h.sim.tempLink(h.instanceId)?.url).toBe(second.offer.url);
  });

  it('reports expiry, never after the server lets the link die, and the dead link is refused', async () => {
    // A link of 2 s real time (100 s simulated at this scale).
    const { h, remote, until } = await setup({
      status: 'SCAN_QR_CODE',
      sim: { tempLinkTtlMs: 2_000 / SCALE },
    });
    const opened = await remote.open();
    if (!opened.ok) throw new Error('no link');
    const serverExpiry = h.sim.tempLink(h.instanceId)!.expiresAt;
    await until('link-expired', 10_000);
    expect(Date.now()).toBeLessThanOrEqual(serverExpiry + 50); // reported no later than the server's expiry
    expect(remote.current()).toBeNull();
    while (h.sim.tempLink(h.instanceId)) await new Promise((r) => setTimeout(r, 20));
    expect(h.sim.openTempLink(opened.offer.url)).toEqual({ ok: false, reason: 'temp link expired' });
    // A second open finds no link and makes a new one.
    const again = await remote.open();
    expect(again.ok && again.offer).toMatchObject({ reused: false, replaced: false });
  });
});
