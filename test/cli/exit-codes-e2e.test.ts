/**
 * End-to-end: every exit code of the built CLI (0 is in login-e2e), each with its words on stderr, its
 * JSON error line, and the token never printed.
 */
import { describe, expect, it } from 'vitest';
import { expectTokenAbsent, jsonLines, runCli, useCliWorld } from './cli-harness';

const TOKEN = 'tok-exit-codes-8e41b07c2f';
const world = useCliWorld(TOKEN, {
  bootDelayMs: 200,
  qrFirstTtlMs: 8000,
  qrNextTtlMs: 4000,
  statusWaitMs: 300,
});

const env = (token: string | null = TOKEN) => ({
  WAWP_ACCESS_TOKEN: token ?? undefined,
  WAWP_LINK_CONFIG_DIR: world.configDir,
});

describe('wawp-link exit codes (built CLI, real simulator)', () => {
  it('2: no token in the environment and none in the keychain names both ways to give one', async () => {
    const id = world.sim.addInstance(TOKEN);
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], { env: env(null) });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('WAWP_ACCESS_TOKEN');
    if (!process.env.WAWP_TEST_KEYRING_UNAVAILABLE) {
      expect(result.stderr).toContain(`No access token for instance ${id}`);
      expect(result.stderr).toContain(`wawp-link instances add ${id} --base-url ${world.sim.baseUrl}`);
    }
    expect(world.sim.requestCount()).toBe(0);
  });

  it.each([
    [['login'], 'Missing <instance-id>'],
    [['login', '3EB0BCB2E3D4', '--bogus'], 'Unknown option'],
    [['login', '3EB0BCB2E3D4', '--timeout', 'soon'], '--timeout needs a positive number'],
    [['login', '3EB0BCB2E3D4', '--restarts', '1.5'], '--restarts needs a whole number'],
    [['login', '3EB0BCB2E3D4', '--base-url', 'ftp://x'], 'must start with https://'],
    [
      ['login', '3EB0BCB2E3D4', '--base-url', 'http://wawp.example.com'],
      'would send the access token unencrypted',
    ],
    [['login', '3EB0BCB2E3D4', '--restarts', '-1'], '--restarts needs a whole number ≥ 0, like 2 (got "-1")'],
    [
      ['login', '3EB0BCB2E3D4', '--timout', '5'],
      'Unknown option --timout for "login". Did you mean --timeout?',
    ],
    [['login', '3EB0BCB2E3D4', '--timeout'], '--timeout needs a value'],
    [['login', '3EB0BCB2E3D4', '--timeout', '--json'], '--timeout needs a value'],
    [['login', '3EB0BCB2E3D4', '--json=yes'], '--json is a switch and takes no value'],
    [['login', 'abc'], '"abc" is not a Wawp instance id'],
    [['pair', 'abc', '--phone', '+20 101 234 5678'], '"abc" is not a Wawp instance id'],
    [['status', 'abc'], '"abc" is not a Wawp instance id'],
    [['--verbose'], 'Unknown option --verbose'],
    [['pair', '3EB0BCB2E3D4'], 'Missing --phone'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [[], 'Missing a command'],
    [['instances', 'add', 'short'], 'not a Wawp instance id'],
  ])('2: usage error for %j says what is wrong', async (args, words) => {
    const result = await runCli(args, { env: env() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(words);
    // Our words only: never the parser's, and never a command built from a rejected id.
    expect(result.stderr).not.toMatch(/ambiguous|ERR_PARSE_ARGS|instances add abc/);
    expectTokenAbsent(result, TOKEN);
  });

  it('3: a wrong token is refused; the error says to fix WAWP_ACCESS_TOKEN and never shows it', async () => {
    const id = world.sim.addInstance(TOKEN);
    const wrong = 'tok-wrong-3c9d1e55aa';
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], {
      env: env(wrong),
    });
    expect(result.code).toBe(3);
    const events = jsonLines(result.stdout);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'unauthorized', fatal: true });
    expect(typeof events.at(-1)!.message).toBe('string');
    // Said once: title, one sentence, one next step (no repeated advice).
    expect(result.stderr).toBe(
      `The access token was refused\nWawp did not accept the access token saved for instance ${id}.\n` +
        "Next: set WAWP_ACCESS_TOKEN to this instance's access token from your Wawp dashboard.\n",
    );
    expectTokenAbsent(result, wrong);
  });

  it('4: an unknown instance id says to check the id', async () => {
    const result = await runCli(['login', 'AAAAAAAAAAAA', '--base-url', world.sim.baseUrl, '--json'], {
      env: env(),
    });
    expect(result.code).toBe(4);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ type: 'error', code: 'not_found', fatal: true });
    expect(result.stderr).toBe(
      'Wawp does not know this instance\nNo instance AAAAAAAAAAAA exists for this access token.\n' +
        'Next: copy the instance id from your Wawp dashboard, then: wawp-link login <instance-id>\n',
    );
    expectTokenAbsent(result, TOKEN);
  });

  it('5: --timeout gives up when nobody scans, after stopping the engine', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json', '--timeout', '3'], {
      env: env(),
    });
    expect(result.code).toBe(5);
    const events = jsonLines(result.stdout);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'timeout', fatal: true });
    expect(result.stderr).toContain('Not linked within 3 s');
    expectTokenAbsent(result, TOKEN);
  });

  it('1: --no-start leaves a STOPPED session alone and says how to go on', async () => {
    const id = world.sim.addInstance(TOKEN);
    const before = world.sim.requestCount('session/start');
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json', '--no-start'], {
      env: env(),
    });
    expect(result.code).toBe(1);
    expect(world.sim.requestCount('session/start')).toBe(before);
    expect(world.sim.snapshot(id)!.status).toBe('STOPPED');
    const events = jsonLines(result.stdout);
    expect(events[0]).toMatchObject({ type: 'status', status: 'STOPPED' });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'status_mismatch', fatal: true });
    expect(result.stderr).toContain(
      `Next: run it without --no-start to start it: wawp-link login ${id} --base-url ${world.sim.baseUrl}`,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expectTokenAbsent(result, TOKEN);
  });

  it('130: Ctrl-C (SIGINT) while a code is shown stops cleanly', async () => {
    const id = world.sim.addInstance(TOKEN, { status: 'SCAN_QR_CODE' });
    const result = await runCli(['login', id, '--base-url', world.sim.baseUrl, '--json'], {
      env: env(),
      onLine: (line, child) => {
        if ((JSON.parse(line) as { type: string }).type === 'qr') child.kill('SIGINT');
      },
    });
    expect(result.code).toBe(130);
    expect(jsonLines(result.stdout).some((e) => e.type === 'qr')).toBe(true);
    expect(result.stderr).toContain('Stopped.');
    expectTokenAbsent(result, TOKEN);
  });

  it('0: --help for every command and --version, on stdout', { timeout: 60_000 }, async () => {
    for (const args of [
      ['--help'],
      ['-h'],
      ['login', '--help'],
      ['pair', '-h'],
      ['status', '--help'],
      ['instances', '--help'],
      ['demo', '--help'],
    ]) {
      const result = await runCli(args, { env: env() });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage/);
      expect(result.stderr).toBe('');
    }
    const version = await runCli(['--version'], { env: env() });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
