/**
 * The local Wawp simulator (wawp-api.md §6): a real node:http server on loopback, used by tests,
 * `npm run sim`, the app's demo mode and `wawp-link demo`. No top-level side effects.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createRealClock } from './clock';
import { createControlRouter } from './control-router';
import { FaultTable, type Fault } from './faults';
import { sendJson } from './http-util';
import { qrDataUrl } from './v2-handlers';
import type { ControlResult, InstanceSnapshot, SimMe } from './instance';
import { enterPairingCode, scanCode } from './phone';
import { resolveConfig, type SimConfig, type SimulatorOptions } from './options';
import { tempLinksOf, tempLinkToken, type SimTempLink } from './temp-links';
import { createV2Router } from './v2-router';
import { SimWorld } from './world';

export type { SimulatorOptions, SimConfig } from './options';
export type { Fault, FaultBody } from './faults';
export type { InstanceSnapshot, ControlResult, SimMe } from './instance';
export type { SimTempLink } from './temp-links';
export { createManualClock, createRealClock, type ManualClock, type SimClock } from './clock';

/** Handle on a running simulator; `close()` stops the server, open sockets and every timer. */
export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:43123` (serves `/v2/...` and `/__sim/...`). */
  baseUrl: string;
  /** The live configuration (tests may change tunables between steps). */
  config: SimConfig;
  addToken(token: string): void;
  addInstance(
    token: string,
    init?: { instanceId?: string; status?: 'STOPPED' | 'WORKING' | 'SCAN_QR_CODE'; me?: SimMe },
  ): string;
  snapshot(instanceId: string): InstanceSnapshot | null;
  /** Calls `fn` on every change of the instance (status, QR rotation); returns unsubscribe. */
  watch(instanceId: string, fn: () => void): () => void;
  scan(instanceId: string, opts?: { value?: string; phone?: string; pushName?: string }): ControlResult;
  enterCode(instanceId: string, code: string, opts?: { phone?: string; pushName?: string }): ControlResult;
  unlink(instanceId: string): void;
  /** The instance's live temp link (GET's view), or null. */
  tempLink(instanceId: string): SimTempLink | null;
  /** The remote phone opens a temp link (URL or token) and scans; refused for an expired or revoked link. */
  openTempLink(link: string, opts?: { phone?: string; pushName?: string }): ControlResult;
  /** The engine's session is deleted upstream: calls answer 404 `invalid_session` until start/restart. */
  dropSession(instanceId: string): void;
  /** Puts a token's account over its plan (403 `quota_exceeded`) or back under it. */
  exceedQuota(token: string, over?: boolean): void;
  crash(instanceId: string): void;
  /** The next `count` session/info reads report `status` (transient wrong reads, WAHA#2073). */
  flakyReads(instanceId: string, status: string, count?: number): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Requests seen per `/v2` endpoint (e.g. `auth/qr`); all endpoints when omitted. */
  requestCount(endpoint?: string): number;
  close(): Promise<void>;
}

/** Starts the simulator on `host` (default 127.0.0.1) and `port` (default: any free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = options.clock ?? createRealClock(options.clockOffsetMs ?? 0);
  const world = new SimWorld(clock, resolveConfig(options));
  world.onQrDrawn = (value) => void qrDataUrl(value);
  const faults = new FaultTable();
  const counts = new Map<string, number>();
  const hung = new Set<ServerResponse>();
  const sleeps = new Set<() => void>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const handle = setTimeout(() => (sleeps.delete(stop), resolve()), ms);
      const stop = (): void => clearTimeout(handle);
      sleeps.add(stop);
    });
  const v2 = createV2Router(world, faults, counts, hung, sleep);
  const control = createControlRouter(world, faults, counts);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const route = url.pathname.startsWith('/v2/') ? v2 : url.pathname.startsWith('/__sim') ? control : null;
    const run = route
      ? route(req, res, url)
      : Promise.resolve(sendJson(res, 404, { code: 'not_found', message: 'Not found' }, clock.now()));
    run.catch((err: unknown) => {
      sendJson(res, 500, { code: 'internal_error', message: `simulator bug: ${String(err)}` }, clock.now());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const must = (id: string) => {
    const inst = world.get(id);
    if (!inst) throw new Error(`simulator: unknown instance ${id}`);
    return inst;
  };

  return {
    baseUrl: `http://${host}:${port}`,
    config: world.config,
    addToken: (token) => world.addToken(token),
    addInstance: (token, init) => world.addInstance(token, init),
    snapshot: (id) => world.snapshot(id),
    watch: (id, fn) => world.watch(must(id), fn),
    scan: (id, opts) => scanCode(world, must(id), opts),
    enterCode: (id, code, opts) => enterPairingCode(world, must(id), code, opts),
    unlink: (id) => world.unlink(must(id)),
    tempLink: (id) => tempLinksOf(world).current(must(id)),
    openTempLink: (link, opts) => {
      const token = tempLinkToken(link);
      return token
        ? tempLinksOf(world).openAndScan(token, opts)
        : { ok: false, reason: 'not a temp-link token' };
    },
    dropSession: (id) => world.dropSession(must(id)),
    exceedQuota: (token, over = true) =>
      void (over ? world.overQuota.add(token) : world.overQuota.delete(token)),
    crash: (id) => world.crash(must(id)),
    flakyReads: (id, status, count = 1) => {
      must(id).flaky = { status, remaining: count };
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    requestCount: (endpoint) =>
      endpoint === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(endpoint) ?? 0),
    close: async () => {
      world.shutdown();
      for (const stop of sleeps) stop();
      sleeps.clear();
      for (const res of hung) res.destroy();
      hung.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Seeds one random demo token owning one STOPPED instance; returns both. */
export function seedDemo(sim: RunningSimulator): { token: string; instanceId: string } {
  const token = `demo-${randomBytes(12).toString('hex')}`;
  const instanceId = sim.addInstance(token);
  return { token, instanceId };
}
