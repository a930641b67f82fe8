/**
 * The sim-only control API under `/__sim/` (never under `/v2`): seed tokens and instances, scan,
 * enter a pairing code, unlink, crash, flaky reads, faults, config, request counts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultTable } from './faults';
import { jsonObject, readBody, sendJson } from './http-util';
import type { SimConfig } from './options';
import { enterPairingCode, scanCode } from './phone';
import { tempLinksOf, tempLinkToken } from './temp-links';
import type { SimWorld } from './world';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Converts a JSON fault description (`times: "always"` allowed) into a Fault. */
export function parseFault(body: Record<string, unknown>): Fault {
  const times = body.times === 'always' || body.times === null ? Infinity : num(body.times);
  const format = str(body.body);
  return {
    endpoint: str(body.endpoint) ?? '*',
    status: num(body.status),
    body:
      format === 'html' || format === 'xml' || format === 'text' || format === 'json' ? format : undefined,
    retryAfter:
      str(body.retryAfter) ?? (num(body.retryAfter) === undefined ? undefined : String(num(body.retryAfter))),
    latencyMs: num(body.latencyMs),
    hang: body.hang === true,
    rawBody: str(body.rawBody),
    contentType: str(body.contentType),
    times,
  };
}

const TUNABLE = new Set<keyof SimConfig>([
  'timeScale',
  'bootDelayMs',
  'qrFirstTtlMs',
  'qrNextTtlMs',
  'qrCount',
  'qrExhaustion',
  'postScanDelayMs',
  'statusWaitMs',
  'expiryUnit',
  'infoCacheMs',
  'valueStyle',
  'logoutReportsActual',
  'tempLinkTtlMs',
  'qrFormatFromQuery',
  'emptyMe',
  'rateLimit',
  'workingFlaps',
]);

/** Creates the `/__sim/` request handler. */
export function createControlRouter(
  world: SimWorld,
  faults: FaultTable,
  counts: Map<string, number>,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    const body = jsonObject(req, await readBody(req));
    const now = world.clock.now();
    const json = (status: number, value: unknown): void => sendJson(res, status, value, now);
    const parts = url.pathname
      .replace(/^\/__sim\/?/, '')
      .split('/')
      .filter(Boolean);
    const method = req.method ?? 'GET';
    const [head, id, action] = parts;

    if (head === 'tokens' && method === 'POST') {
      const token = str(body.token);
      if (!token) return json(400, { error: 'token required' });
      world.addToken(token);
      return json(200, { ok: true });
    }
    if (head === 'faults') {
      if (method === 'DELETE') return (faults.clear(), json(200, { ok: true }));
      if (method === 'POST') return (faults.add(parseFault(body)), json(200, { ok: true }));
    }
    if (head === 'temp-links' && id && action === 'open' && method === 'POST') {
      // The remote phone opens the temp-link page and scans the QR it shows.
      const token = tempLinkToken(id);
      const r = token
        ? tempLinksOf(world).openAndScan(token, { phone: str(body.phone), pushName: str(body.pushName) })
        : { ok: false, reason: 'not a temp-link token' };
      return json(r.ok ? 200 : 409, r);
    }
    if (head === 'requests' && method === 'GET') return json(200, Object.fromEntries(counts));
    if (head === 'config') {
      if (method === 'POST') {
        const cfg = world.config as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(body))
          if (TUNABLE.has(key as keyof SimConfig)) cfg[key] = value;
      }
      return json(200, world.config);
    }
    if (head === 'instances' && !id && method === 'POST') {
      const token = str(body.token);
      if (!token) return json(400, { error: 'token required' });
      const status = str(body.status);
      const me = body.me as { id: string; pushName: string } | undefined;
      const instanceId = world.addInstance(token, {
        instanceId: str(body.instanceId),
        status: status === 'WORKING' || status === 'SCAN_QR_CODE' ? status : 'STOPPED',
        me,
      });
      return json(200, { instanceId });
    }
    const inst = id ? world.get(id) : undefined;
    if (head !== 'instances' || !inst) return json(404, { error: 'unknown control route or instance' });
    if (!action && method === 'GET') return json(200, world.snapshot(inst.id));
    if (method !== 'POST') return json(405, { error: 'use POST' });
    const who = { phone: str(body.phone), pushName: str(body.pushName) };
    switch (action) {
      case 'scan': {
        const r = scanCode(world, inst, { value: str(body.value), ...who });
        return json(r.ok ? 200 : 409, r);
      }
      case 'enter-code': {
        const r = enterPairingCode(world, inst, str(body.code) ?? '', who);
        return json(r.ok ? 200 : 409, r);
      }
      case 'unlink':
        return (world.unlink(inst), json(200, { ok: true }));
      case 'crash':
        return (world.crash(inst), json(200, { ok: true }));
      case 'drop-session':
        return (world.dropSession(inst), json(200, { ok: true }));
      case 'flaky':
        inst.flaky = { status: str(body.status) ?? 'STARTING', remaining: num(body.count) ?? 1 };
        return json(200, { ok: true });
      default:
        return json(404, { error: `unknown action ${action ?? ''}` });
    }
  };
}
