/** The `/v2` API: method check, the validation order of wawp-api.md §6.5, faults, then the handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderErrorBody, STATUS_CODES, type FaultTable } from './faults';
import { collectParams, jsonObject, NO_STORE, readBody, send, sendJson } from './http-util';
import type { SimInstance } from './instance';
import {
  infoBody,
  logoutReply,
  qrImageReply,
  qrReply,
  requestCodeReply,
  stateBody,
  type Reply,
} from './v2-handlers';
import { createRateLimiter, variantReply } from './variants';
import type { SimWorld } from './world';
import { tempLinkReply } from './temp-link-reply';

type Handler = (
  inst: SimInstance,
  params: Map<string, string>,
  url: URL,
  method: string,
) => Promise<Reply> | Reply;

interface Route {
  methods: string[];
  handler: Handler;
  noStore?: boolean;
}

const ok = (json: unknown): Reply => ({ status: 200, json });

/** Every `/v2` endpoint the simulator serves, keyed without the `/v2/` prefix. */
function routes(world: SimWorld): Record<string, Route> {
  const act =
    (fn: (inst: SimInstance) => void): Handler =>
    (inst) => (fn(inst), ok(stateBody(inst)));
  return {
    'auth/qr': {
      methods: ['GET', 'POST'],
      noStore: true,
      handler: (i, p, url) =>
        qrReply(
          world,
          i,
          world.config.qrFormatFromQuery
            ? (url.searchParams.get('format') ?? 'image')
            : (p.get('format') ?? 'raw'),
        ),
    },
    'auth/qr-image': { methods: ['GET', 'POST'], noStore: true, handler: (i) => qrImageReply(world, i) },
    'auth/request-code': { methods: ['POST'], handler: (i) => requestCodeReply(world, i) },
    'session/info': { methods: ['GET', 'POST'], handler: async (i) => ok(await infoBody(world, i)) },
    'session/me': {
      methods: ['GET', 'POST'],
      handler: (i) => {
        const me = i.status === 'WORKING' ? i.me : null;
        return me === null && world.config.emptyMe ? { status: 200, json: null, raw: '' } : ok(me);
      },
    },
    'session/start': { methods: ['POST', 'GET'], handler: act((i) => world.start(i)) },
    'session/stop': { methods: ['POST', 'GET'], handler: act((i) => world.stop(i)) },
    'session/restart': { methods: ['POST', 'GET'], handler: act((i) => world.restart(i)) },
    'session/logout': { methods: ['POST', 'GET'], handler: (i) => logoutReply(world, i) },
    'session/temp-link': {
      methods: ['GET', 'POST', 'DELETE'],
      noStore: true,
      handler: (i, _p, _u, method) => tempLinkReply(world, i, method),
    },
    'session/delete': {
      methods: ['DELETE'],
      handler: (i) => (world.delete(i), ok({ name: i.sessionName, status: 'DELETED', instance_id: i.id })),
    },
  };
}

/** Standard JSON error with the sim's machine code for `status`. */
function errorReply(status: number, message?: string): Reply {
  const [code, fallback] = STATUS_CODES[status] ?? ['error', `HTTP ${status}`];
  return { status, json: { code, message: message ?? fallback } };
}

/** Creates the `/v2` request handler; `hung` collects responses left unanswered on purpose. */
export function createV2Router(
  world: SimWorld,
  faults: FaultTable,
  counts: Map<string, number>,
  hung: Set<ServerResponse>,
  sleep: (ms: number) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const table = routes(world);
  const limiter = createRateLimiter(world);
  const reply = (res: ServerResponse, r: Reply, extra: Record<string, string> = {}): void =>
    r.raw !== undefined
      ? send(
          res,
          r.status,
          r.raw,
          { 'Content-Type': 'application/json; charset=utf-8', ...extra },
          world.clock.now(),
        )
      : sendJson(res, r.status, r.json, world.clock.now(), { ...extra, ...r.headers });

  return async (req, res, url) => {
    const endpoint = url.pathname.replace(/^\/v2\//, '').replace(/\/+$/, '');
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    const text = await readBody(req);
    const isCreate = endpoint === 'session/create';
    const route = table[endpoint];
    if (!route && !isCreate)
      return reply(res, {
        status: 404,
        json: { code: 'not_found', message: `Unknown endpoint /v2/${endpoint}` },
      });
    const methods = route?.methods ?? ['POST'];
    const method = req.method ?? 'GET';
    if (!methods.includes(method))
      return reply(
        res,
        { status: 405, json: { code: 'method_not_allowed', message: `Use ${methods.join(' or ')}` } },
        { Allow: methods.join(', ') },
      );

    const params = collectParams(req, url, jsonObject(req, text));
    const token = params.get('access_token');
    if (!token) return reply(res, errorReply(401, 'Missing access_token'));
    if (!world.tokens.has(token)) return reply(res, errorReply(401));
    if (isCreate) {
      const id = world.addInstance(token);
      const inst = world.get(id);
      return reply(
        res,
        ok({ instance_id: id, session_name: inst?.sessionName, server_name: 'sim-1', status: 'STOPPED' }),
      );
    }
    const instanceId = params.get('instance_id');
    if (!instanceId) return reply(res, errorReply(400, 'Missing Required Parameter(s): instance_id'));
    if (endpoint === 'auth/request-code') {
      const phone = params.get('phone_number');
      if (!phone) return reply(res, errorReply(400, 'Missing Required Parameter(s): phone_number'));
      if (!/^\d{7,15}$/.test(phone))
        return reply(res, {
          status: 400,
          json: {
            code: 'invalid_phone_number',
            message: 'phone_number must be 7-15 digits with country code, no + or 00',
          },
        });
    }
    const inst = world.get(instanceId);
    if (!inst || inst.token !== token) return reply(res, errorReply(404));
    const variant = variantReply(world, inst, endpoint, limiter);
    if (variant) return reply(res, variant, route?.noStore ? NO_STORE : {});

    const extra = route?.noStore ? NO_STORE : {};
    const fault = faults.take(endpoint);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.hang) {
      hung.add(res);
      res.once('close', () => hung.delete(res));
      return;
    }
    if (fault?.status !== undefined || fault?.rawBody !== undefined) {
      const status = fault.status ?? 200;
      const headers: Record<string, string> = { ...extra };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      const body =
        fault.rawBody !== undefined
          ? { contentType: fault.contentType ?? 'application/json; charset=utf-8', text: fault.rawBody }
          : renderErrorBody(status, fault.body ?? 'json');
      return send(
        res,
        status,
        body.text,
        { ...headers, 'Content-Type': body.contentType },
        world.clock.now(),
      );
    }
    if (!route) return;
    reply(res, await route.handler(inst, params, url, method), extra);
  };
}
