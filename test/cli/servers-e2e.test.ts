/**
 * End-to-end: the built CLI against servers that are not Wawp (a plain web server answering 501 and
 * HTML 404 pages, like `python3 -m http.server`), that refuse, or that never answer; and against
 * instances already linked to another number. Each ends with one title, one sentence and one next
 * step, a non-zero exit, and never the token.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTokenAbsent, jsonLines, runCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-servers-e2e-4d1c9a70be';
const world = useCliWorld(TOKEN, {
  bootDelayMs: 100,
  qrFirstTtlMs: 20_000,
  postScanDelayMs: 100,
  statusWaitMs: 200,
});
const env = () => ({ WAWP_ACCESS_TOKEN: TOKEN, WAWP_LINK_CONFIG_DIR: world.configDir });
const ID = '3EB0BCB2E3D4';

const listen = (server: Server | HttpServer): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
const close = (server: Server | HttpServer): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

describe('servers that are not a Wawp API, or do not answer', () => {
  let web: HttpServer;
  let webUrl: string;
  let webRequests: string[] = [];
  let silent: Server;
  let silentUrl: string;
  const sockets = new Set<Socket>();
  let refusedUrl: string;
  beforeAll(async () => {
    // Like python3 -m http.server: GET finds nothing (an HTML 404), POST is "unsupported" (an HTML 501).
    web = createHttpServer((req, res) => {
      webRequests.push(`${req.method} ${req.url}`);
      res.writeHead(req.method === 'GET' ? 404 : 501, { 'Content-Type': 'text/html;charset=utf-8' });
      res.end('<!DOCTYPE HTML><html><body><h1>Error response</h1></body></html>');
    });
    webUrl = `http://127.0.0.1:${await listen(web)}`;
    silent = createTcpServer((socket) => void sockets.add(socket)); // accepts, never answers
    silentUrl = `http://127.0.0.1:${await listen(silent)}`;
    const gone = createTcpServer();
    refusedUrl = `http://127.0.0.1:${await listen(gone)}`;
    await close(gone); // nothing listens there any more: connections are refused
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all([close(web), close(silent)]);
  });

  it('a plain web server is named as not a Wawp API after a few requests, exit 1', async () => {
    webRequests = [];
    const result = await runCli(['login', ID, '--base-url', webUrl], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${webUrl} is not a Wawp API\n`);
    expect(result.stderr).toContain(`${webUrl} answered, but not like a Wawp API`);
    expect(result.stderr).toContain(
      `Next: run it with the right server: wawp-link login ${ID} --base-url <server>`,
    );
    expect(result.stderr).not.toMatch(/internal error|does not know this instance|501|404/);
    expect(webRequests.length).toBeGreaterThan(0);
    expect(webRequests.length).toBeLessThanOrEqual(4);
    expectTokenAbsent(result, TOKEN);
    // The token went in the query of a loopback request only; nothing above may print it.
    const status = await runCli(['status', ID, '--base-url', webUrl, '--json'], { env: env() });
    expect(status.code).toBe(1);
    expect(jsonLines(status.stdout)).toEqual([expect.objectContaining({ type: 'error', code: 'not_wawp' })]);
    expectTokenAbsent(status, TOKEN);
  });

  it('a refused port gives up after --offline-limit, naming the host and "refused", exit 1', async () => {
    const host = new URL(refusedUrl).host;
    const result = await runCli(['login', ID, '--base-url', refusedUrl, '--offline-limit', '2', '--json'], {
      env: env(),
    });
    expect(result.code).toBe(1);
    const last = jsonLines(result.stdout).at(-1)!;
    expect(last).toMatchObject({ type: 'error', code: 'network', fatal: true, title: `Can't reach ${host}` });
    expect(result.stderr).toContain(`${host} refused the connection; gave up after 2 s without an answer`);
    expect(result.stderr).not.toContain('internet connection');
    expectTokenAbsent(result, TOKEN);
  });

  it('a server that never answers counts as no answer from the first request, and says it timed out', async () => {
    const host = new URL(silentUrl).host;
    const result = await runCli(['login', ID, '--base-url', silentUrl, '--offline-limit', '2'], {
      env: env(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${host} is not answering\n${host} did not answer in time; gave up after 2 s`,
    );
    expectTokenAbsent(result, TOKEN);
  });

  it('--help states the default bound', async () => {
    const help = await runCli(['login', '--help'], { env: env() });
    expect(help.stdout).toMatch(/--offline-limit SECONDS[\s\S]*default\s+60/);
  });
});

describe('instances already linked', () => {
  const annDigits = '201012345678';
  it('pair for another number refuses with the linked number and --logout-first, sends no code request, exit 6', async () => {
    const id = world.sim.addInstance(TOKEN, {
      status: 'WORKING',
      me: { id: `${annDigits}@c.us`, pushName: 'Ann' },
    });
    const before = world.sim.requestCount('auth/request-code');
    const args = ['pair', id, '--phone', '+1 202 555 0143', '--base-url', world.sim.baseUrl];
    const result = await runCli(args, { env: env() });
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Instance ${id} is linked to another number\n` +
        'It is linked to +20 10 12345678, not +1 202 555 0143; nothing was changed.\n' +
        `Next: to log +20 10 12345678 out and link +1 202 555 0143: wawp-link pair ${id} --phone "+1 202 555 0143" --base-url ${world.sim.baseUrl} --logout-first\n`,
    );
    expect(world.sim.requestCount('auth/request-code')).toBe(before);
    expect(world.sim.snapshot(id)!.status).toBe('WORKING');
    expectTokenAbsent(result, TOKEN);

    // The way out, as offered: the old number is logged out and the new one linked by code.
    const again = await runCli([...args, '--logout-first', '--json'], {
      env: env(),
      onLine: (line) => {
        const event = JSON.parse(line) as { type: string; code?: string };
        if (event.type === 'pairing-code')
          world.sim.enterCode(id, event.code!, { phone: '12025550143', pushName: 'Cy' });
      },
    });
    expect(again.code, again.stderr).toBe(0);
    expect(jsonLines(again.stdout).at(-1)).toMatchObject({
      type: 'connected',
      me: { id: '12025550143@c.us' },
    });
    expect(world.sim.requestCount('auth/request-code')).toBe(before + 1);
    expectTokenAbsent(again, TOKEN);
  });

  it('pair for the number already linked says so and exits 0 without a code', async () => {
    const id = world.sim.addInstance(TOKEN, {
      status: 'WORKING',
      me: { id: `${annDigits}@c.us`, pushName: 'Ann' },
    });
    const before = world.sim.requestCount('auth/request-code');
    const result = await runCli(['pair', id, '--phone', '+20 10 12345678', '--base-url', world.sim.baseUrl], {
      env: env(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Already linked as +20 10 12345678 (Ann); nothing to do.\n');
    expect(world.sim.requestCount('auth/request-code')).toBe(before);
  });
});
