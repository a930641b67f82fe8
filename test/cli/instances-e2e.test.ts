/**
 * End-to-end against the real test keyring (vitest global setup): `instances add` stores the piped token
 * in the keychain, `login` then finds it there, `list` never shows it, `remove` deletes both.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import {
  assertBuilt,
  jsonLines,
  killLeftovers,
  runCli,
  tempConfigDir,
  expectTokenAbsent,
} from './cli-harness';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;
const TOKEN = 'tok-instances-e2e-61b3d9f0c4';
let sim: RunningSimulator;
let conf: ReturnType<typeof tempConfigDir>;

const env = () => ({ WAWP_LINK_CONFIG_DIR: conf.dir });

describe.skipIf(Boolean(unavailable))(
  `wawp-link instances with the real keychain${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      assertBuilt();
      conf = tempConfigDir();
      sim = await startSimulator({ bootDelayMs: 100, statusWaitMs: 300 });
      sim.addToken(TOKEN);
    });
    afterEach(() => killLeftovers());
    afterAll(async () => {
      await sim?.close();
      conf?.remove();
    });

    it(
      'add (token piped on stdin) → list → login from the keychain → status → remove',
      { timeout: 90_000 },
      async () => {
        const id = sim.addInstance(TOKEN, {
          status: 'WORKING',
          me: { id: '201012345678@c.us', pushName: 'Ann' },
        });
        const add = await runCli(
          [
            'instances',
            'add',
            id,
            '--label',
            'Sales desk',
            '--base-url',
            sim.baseUrl,
            '--expected-phone',
            '+20 101 234 5678',
          ],
          { env: env(), input: `${TOKEN}\n` },
        );
        expect(add.code, add.stderr).toBe(0);
        expect(add.stdout).toContain(`Added ${id} (Sales desk)`);
        expectTokenAbsent(add, TOKEN);
        const file = readFileSync(`${conf.dir}/settings.json`, 'utf8');
        expect(file).toContain(id);
        expect(file).not.toContain(TOKEN);

        const list = await runCli(['instances', 'list', '--json'], { env: env() });
        expect(list.code, list.stderr).toBe(0);
        expect(jsonLines(list.stdout)).toEqual([
          {
            type: 'instance',
            instanceId: id,
            baseUrl: sim.baseUrl,
            label: 'Sales desk',
            expectedPhone: '201012345678',
            tokenStored: true,
          },
        ]);
        const human = await runCli(['instances', 'list'], { env: env() });
        expect(human.stdout).toContain(
          `${id} (Sales desk) · ${sim.baseUrl} · expects +20 10 12345678 · token in keychain`,
        );
        expectTokenAbsent(human, TOKEN);

        // No WAWP_ACCESS_TOKEN and no --base-url: both come from what `add` saved.
        const login = await runCli(['login', id, '--json'], { env: env() });
        expect(login.code, login.stderr).toBe(0);
        expect(jsonLines(login.stdout).at(-1)).toMatchObject({
          type: 'connected',
          me: { id: '201012345678@c.us', pushName: 'Ann' },
          expectedPhone: '201012345678',
          phoneMatches: true,
        });
        expectTokenAbsent(login, TOKEN);

        const status = await runCli(['status'], { env: env() });
        expect(status.code, status.stderr).toBe(0);
        expect(status.stdout).toBe(
          `${id} (Sales desk): Linked and working · Linked as +20 10 12345678 (Ann)\n`,
        );

        const remove = await runCli(['instances', 'remove', id], { env: env() });
        expect(remove.code, remove.stderr).toBe(0);
        expect(remove.stdout).toContain(`Removed ${id} and its token`);
        const after = await runCli(['instances', 'list', '--json'], { env: env() });
        expect(after.stdout).toBe('');
        // The keychain entry is gone too: login has no token any more (exit 2).
        const again = await runCli(['login', id, '--base-url', sim.baseUrl], { env: env() });
        expect(again.code).toBe(2);
        expect(again.stderr).toContain(`No access token for instance ${id}`);
        for (const r of [remove, after, again]) expectTokenAbsent(r, TOKEN);
      },
    );

    it('add refuses an empty token and a bad label without saving anything', async () => {
      const id = sim.addInstance(TOKEN);
      const empty = await runCli(['instances', 'add', id, '--base-url', sim.baseUrl], {
        env: env(),
        input: '',
      });
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('No token was given');
      const badLabel = await runCli(['instances', 'add', id, '--label', ' ', '--base-url', sim.baseUrl], {
        env: env(),
        input: TOKEN,
      });
      expect(badLabel.code).toBe(2);
      expect(badLabel.stderr).toContain('label');
      const list = await runCli(['instances', 'list', '--json'], { env: env() });
      expect(jsonLines(list.stdout).map((e) => e.instanceId)).not.toContain(id);
      for (const r of [empty, badLabel, list]) expectTokenAbsent(r, TOKEN);
    });

    it('an update keeps every field it does not name (server, phone, token); a new server is explicit', async () => {
      const id = sim.addInstance(TOKEN, {
        status: 'WORKING',
        me: { id: '201012345678@c.us', pushName: 'Ann' },
      });
      const add = await runCli(
        [
          'instances',
          'add',
          id,
          '--label',
          'Sales',
          '--base-url',
          sim.baseUrl,
          '--expected-phone',
          '201012345678',
        ],
        { env: env(), input: TOKEN },
      );
      expect(add.code, add.stderr).toBe(0);
      // Only the label is named, and no token is piped: the server, phone and stored token stay.
      const relabel = await runCli(['instances', 'add', id, '--label', 'Support'], { env: env(), input: '' });
      expect(relabel.code, relabel.stderr).toBe(0);
      expect(relabel.stdout).toContain(`Updated ${id} (Support); kept its saved token.`);
      expect(relabel.stdout).not.toContain('Moved');
      const list = await runCli(['instances', 'list', '--json'], { env: env() });
      expect(jsonLines(list.stdout).find((e) => e.instanceId === id)).toEqual({
        type: 'instance',
        instanceId: id,
        baseUrl: sim.baseUrl,
        label: 'Support',
        expectedPhone: '201012345678',
        tokenStored: true,
      });
      const status = await runCli(['status', id], { env: env() });
      expect(status.code, status.stderr).toBe(0);
      // Moving it is explicit, says so, and needs the token for the new server.
      const other = sim.baseUrl.replace('127.0.0.1', 'localhost');
      const noToken = await runCli(['instances', 'add', id, '--base-url', other], { env: env(), input: '' });
      expect(noToken.code).toBe(2);
      const stayed = await runCli(['instances', 'list', '--json'], { env: env() });
      expect(jsonLines(stayed.stdout).find((e) => e.instanceId === id)?.baseUrl).toBe(sim.baseUrl);
      const move = await runCli(['instances', 'add', id, '--base-url', other], { env: env(), input: TOKEN });
      expect(move.code, move.stderr).toBe(0);
      expect(move.stdout).toContain(`Moved ${id} from ${sim.baseUrl} to ${other}.`);
      const moved = await runCli(['instances', 'list', '--json'], { env: env() });
      expect(jsonLines(moved.stdout).find((e) => e.instanceId === id)).toMatchObject({
        baseUrl: other,
        label: 'Support',
        expectedPhone: '201012345678',
        tokenStored: true,
      });
      await runCli(['instances', 'remove', id], { env: env() });
      for (const r of [add, relabel, list, status, noToken, move, moved]) expectTokenAbsent(r, TOKEN);
    });

    it('login refuses an instance linked to another number than the expected one, asking for no code (exit 6)', async () => {
      const id = sim.addInstance(TOKEN, {
        status: 'WORKING',
        me: { id: '447911123456@c.us', pushName: 'Bo' },
      });
      const add = await runCli(
        ['instances', 'add', id, '--base-url', sim.baseUrl, '--expected-phone', '+20 10 12345678'],
        {
          env: env(),
          input: TOKEN,
        },
      );
      expect(add.code, add.stderr).toBe(0);
      const codes = sim.requestCount('auth/qr');
      const login = await runCli(['login', id], { env: env() });
      expect(login.code).toBe(6);
      expect(login.stderr).toContain(
        'It is linked to +44 7911 123456, not +20 10 12345678; nothing was changed.',
      );
      expect(login.stderr).toContain(
        `Next: to log +44 7911 123456 out and link +20 10 12345678: wawp-link login ${id} --logout-first`,
      );
      expect(sim.requestCount('auth/qr')).toBe(codes);
      expect(sim.snapshot(id)!.status).toBe('WORKING');
      await runCli(['instances', 'remove', id], { env: env() });
      for (const r of [add, login]) expectTokenAbsent(r, TOKEN);
    });

    it('remove of an unknown instance exits 4 and says where to look', async () => {
      const result = await runCli(['instances', 'remove', 'ZZZZZZZZZZZZ'], { env: env() });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain('wawp-link instances list');
    });
  },
);

describe('wawp-link instances when the keychain is unusable', () => {
  let dir: ReturnType<typeof tempConfigDir>;
  beforeAll(() => {
    assertBuilt();
    dir = tempConfigDir();
  });
  afterAll(() => dir.remove());

  it('add says why, names the fix and the WAWP_ACCESS_TOKEN way, and saves nothing', async () => {
    const noBus = {
      WAWP_LINK_CONFIG_DIR: dir.dir,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${dir.dir}/no-such-bus`,
      DISPLAY: undefined, // with a display and no bus, libsecret would wait for a GUI prompt
    };
    const result = await runCli(['instances', 'add', '3EB0BCB2E3D4', '--label', 'Sales'], {
      env: noBus,
      input: TOKEN,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('could not be saved in the OS keychain, so nothing was changed');
    expect(result.stderr).toMatch(/D-Bus|keychain|Secret Service/);
    expect(result.stderr).toContain('WAWP_ACCESS_TOKEN');
    // No display: a recipe for this shell, not GUI tools.
    expect(result.stderr).toContain('dbus-launch --sh-syntax');
    expect(result.stderr).toContain('gnome-keyring-daemon --unlock');
    expect(result.stderr).not.toMatch(/Seahorse|KWallet Manager/);
    expectTokenAbsent(result, TOKEN);
    const list = await runCli(['instances', 'list', '--json'], { env: noBus });
    expect(list.stdout).toBe('');
  });
});
