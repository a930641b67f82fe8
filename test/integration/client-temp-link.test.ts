import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWawpClient } from '../../main/wawp/client';
import type { CredentialsPlacement } from '../../main/wawp/types';
import { startSimulator, type RunningSimulator } from '../../simulator/index';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ statusWaitMs: 0, bootDelayMs: 0, postScanDelayMs: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe.each<CredentialsPlacement>(['query', 'body'])(
  'temp-link calls (credentials in %s)',
  (credentialsIn) => {
    const token = `tl-${credentialsIn}`;
    const client = () =>
      createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: token, credentialsIn });
    let id: string;
    beforeAll(() => {
      id = sim.addInstance(token);
    });

    it('reads none, creates, reads it back, replaces it, revokes it', async () => {
      expect(await client().getTempLink()).toMatchObject({ ok: true, data: null });
      const made = await client().createTempLink();
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(made.data.url).toMatch(/^https:\/\/app\.wawp\.net\/temp-qr\/[0-9a-f]{64}$/);
      expect(made.data.url).toBe(sim.tempLink(id)?.url);
      expect(made.data.expiryAssumed).toBe(false);
      // Seconds on the wire: the expiry is the simulator's, to the second.
      expect(Math.abs(made.data.expiresAt - sim.tempLink(id)!.expiresAt)).toBeLessThan(1000);
      const read = await client().getTempLink();
      expect(read).toMatchObject({ ok: true, data: { url: made.data.url } });
      const again = await client().createTempLink();
      expect(again.ok && again.data.url).not.toBe(made.data.url);
      expect(sim.openTempLink(made.data.url).ok).toBe(false);
      expect(await client().revokeTempLink()).toMatchObject({ ok: true, data: { revoked: true } });
      expect(sim.tempLink(id)).toBeNull();
      expect(await client().getTempLink()).toMatchObject({ ok: true, data: null });
    });

    it('a wrong token is `unauthorized`, and neither token appears in the error', async () => {
      const bad = createWawpClient({
        baseUrl: sim.baseUrl,
        instanceId: id,
        accessToken: 'wrong-secret',
        credentialsIn,
      });
      const made = await bad.createTempLink();
      expect(made.ok).toBe(false);
      if (made.ok) return;
      expect(made.error.code).toBe('unauthorized');
      expect(JSON.stringify(made.error)).not.toContain('wrong-secret');
      expect(sim.tempLink(id)).toBeNull();
    });
  },
);

it('reads milliseconds too', async () => {
  sim.config.expiryUnit = 'ms';
  try {
    const id = sim.addInstance('tl-ms');
    const made = await createWawpClient({
      baseUrl: sim.baseUrl,
      instanceId: id,
      accessToken: 'tl-ms',
    }).createTempLink();
    expect(made.ok && made.data.expiresAt).toBe(sim.tempLink(id)!.expiresAt);
  } finally {
    sim.config.expiryUnit = 's';
  }
});
