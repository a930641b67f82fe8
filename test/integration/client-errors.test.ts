import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WAWP_ERROR_CODES, type WawpErrorCode } from '../../common/model';
import { createWawpClient } from '../../main/wawp/client';
import type { WawpClientOptions } from '../../main/wawp/types';
import { seedDemo, startSimulator, type FaultBody, type RunningSimulator } from '../../simulator/index';

let sim: RunningSimulator;
let token: string;
let id: string;
const seenCodes = new Set<WawpErrorCode>();

beforeAll(async () => {
  sim = await startSimulator({ statusWaitMs: 0, bootDelayMs: 0 });
  ({ token, instanceId: id } = seedDemo(sim));
});
afterEach(() => sim.clearFaults());
afterAll(async () => {
  await sim.close();
});

const client = (over: Partial<WawpClientOptions> = {}) =>
  createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: token, ...over });

async function failing(promise: Promise<{ ok: boolean; error?: unknown }>) {
  const out = await promise;
  expect(out.ok).toBe(false);
  const error = (
    out as {
      error: {
        code: WawpErrorCode;
        message: string;
        httpStatus?: number;
        retryAfterMs?: number;
        currentStatus?: string;
        detail?: string;
        serverCode?: string;
      };
    }
  ).error;
  seenCodes.add(error.code);
  expect(error.message).not.toContain(token);
  expect(error.detail ?? '').not.toContain(token);
  expect(error.message).not.toMatch(/<[a-z!?/]/i);
  return error;
}

describe('HTTP error matrix through the real client', () => {
  it.each<[number, FaultBody, WawpErrorCode]>([
    [400, 'xml', 'bad_request'],
    [401, 'json', 'unauthorized'],
    [403, 'json', 'quota_exceeded'],
    [404, 'text', 'not_found'],
    [404, 'html', 'not_wawp'],
    [405, 'json', 'not_wawp'],
    [500, 'json', 'server_error'],
    [502, 'html', 'upstream_error'],
    [503, 'text', 'upstream_error'],
    [504, 'html', 'upstream_error'],
  ])('HTTP %i with a %s body -> %s', async (status, body, code) => {
    sim.injectFault({ endpoint: 'session/info', status, body });
    const error = await failing(client().sessionInfo());
    expect(error).toMatchObject({ code, httpStatus: status, host: new URL(sim.baseUrl).host });
    expect(error.message).not.toMatch(new RegExp(`${status}|HTTP`));
    expect(error.detail).toMatch(new RegExp(`^HTTP ${status}: \\S`));
  });

  it('reads the body code: 404 invalid_session is a lost session, a 403 blaming the token is the token', async () => {
    const fault = (status: number, code: string) =>
      sim.injectFault({ endpoint: 'auth/qr', status, rawBody: JSON.stringify({ code, message: 'x' }) });
    fault(404, 'invalid_session');
    expect(await failing(client().getQr())).toMatchObject({
      code: 'session_gone',
      serverCode: 'invalid_session',
    });
    fault(404, 'invalid_instance');
    expect(await failing(client().getQr())).toMatchObject({ code: 'not_found' });
    fault(403, 'invalid_access_token');
    expect(await failing(client().getQr())).toMatchObject({ code: 'unauthorized' });
    fault(403, 'quota_exceeded');
    expect(await failing(client().getQr())).toMatchObject({ code: 'quota_exceeded' });
  });

  it('429 carries Retry-After in seconds or as an HTTP-date', async () => {
    sim.injectFault({ endpoint: 'auth/qr', status: 429, retryAfter: '12' });
    expect(await failing(client().getQr())).toMatchObject({ code: 'rate_limited', retryAfterMs: 12_000 });
    const date = new Date(Date.now() + 60_000).toUTCString();
    sim.injectFault({ endpoint: 'auth/qr', status: 429, retryAfter: date, body: 'html' });
    const e = await failing(client().getQr());
    expect(e.retryAfterMs).toBeGreaterThan(50_000);
    expect(e.retryAfterMs).toBeLessThanOrEqual(61_000);
  });

  it('real (not injected) auth, instance and state errors', async () => {
    expect(await failing(client({ accessToken: 'wrong-token-123' }).start())).toMatchObject({
      code: 'unauthorized',
      httpStatus: 401,
    });
    expect(await failing(client({ instanceId: 'FFFFFFFFFFFF' }).start())).toMatchObject({
      code: 'not_found',
      httpStatus: 404,
    });
    expect(await failing(client().getQr())).toMatchObject({
      code: 'status_mismatch',
      httpStatus: 422,
      currentStatus: 'STOPPED',
    });
    expect(await failing(client().getQrImage())).toMatchObject({ code: 'status_mismatch' });
    expect(await failing(client().requestCode('12'))).toMatchObject({ code: 'bad_request', httpStatus: 400 });
  });

  it('reports an unreachable server as network, naming the host only', async () => {
    const port = await closedPort();
    const e = await failing(client({ baseUrl: `http://127.0.0.1:${port}` }).sessionInfo());
    expect(e).toMatchObject({ code: 'network', cause: 'refused', host: `127.0.0.1:${port}` });
    expect(e.message).toBe(`127.0.0.1:${port} refused the connection.`);
    expect((e as { detail?: string }).detail).toContain('ECONNREFUSED');
  });

  it('times out a hanging request, and a caller abort cancels without throwing', async () => {
    sim.injectFault({ endpoint: 'session/info', hang: true });
    expect(await failing(client({ timeoutMs: 150 }).sessionInfo())).toMatchObject({
      code: 'timeout',
      cause: 'timed_out',
    });
    sim.injectFault({ endpoint: 'session/info', hang: true });
    const controller = new AbortController();
    const pending = client().sessionInfo({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failing(pending)).toMatchObject({ code: 'network', cause: 'cancelled' });
    expect(await failing(client().sessionInfo({ signal: AbortSignal.abort() }))).toMatchObject({
      code: 'network',
    });
  });

  it('caps the response size (declared or streamed) and rejects non-JSON success bodies', async () => {
    sim.injectFault({
      endpoint: 'session/info',
      rawBody: JSON.stringify({ status: 'x', pad: 'y'.repeat(5000) }),
    });
    expect(await failing(client({ maxResponseBytes: 1000 }).sessionInfo())).toMatchObject({
      code: 'bad_response',
    });
    sim.injectFault({ endpoint: 'session/info', status: 502, rawBody: `<html>${'z'.repeat(5000)}</html>` });
    expect(await failing(client({ maxResponseBytes: 1000 }).sessionInfo())).toMatchObject({
      code: 'upstream_error',
      httpStatus: 502,
    });
    sim.injectFault({ endpoint: 'session/info', rawBody: '<html>ok</html>', contentType: 'text/html' });
    expect(await failing(client().sessionInfo())).toMatchObject({ code: 'not_wawp', httpStatus: 200 });
    sim.injectFault({ endpoint: 'session/info', rawBody: 'plain words', contentType: 'text/plain' });
    expect(await failing(client().sessionInfo())).toMatchObject({ code: 'bad_response', httpStatus: 200 });
    sim.injectFault({ endpoint: 'session/info', rawBody: '' });
    expect((await failing(client().sessionInfo())).detail).toMatch(/empty/);
    sim.injectFault({ endpoint: 'session/info', rawBody: '{"name":"n"}' });
    expect(await failing(client().sessionInfo())).toMatchObject({
      code: 'not_wawp',
      detail: 'the session reply has no status',
    });
  });

  it('streams past a cap without Content-Length', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    server.on('connection', (socket) => {
      socket.once('data', () => {
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        const chunk = 'a'.repeat(4096);
        for (let i = 0; i < 8; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      socket.on('error', () => undefined);
    });
    try {
      const { port } = server.address() as { port: number };
      const e = await failing(client({ baseUrl: `http://127.0.0.1:${port}`, maxResponseBytes: 10_000 }).me());
      expect(e.detail).toMatch(/larger than 10000 bytes/);
    } finally {
      server.close();
      await new Promise((r) => setImmediate(r));
    }
  });
});

describe('coverage of the error contract', () => {
  it('produced every WawpErrorCode above (run the whole file)', () => {
    expect([...seenCodes].sort()).toEqual([...WAWP_ERROR_CODES].sort());
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}
