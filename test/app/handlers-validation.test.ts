/** Every channel parses its raw arguments: hostile input is refused as data, never echoed back. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../common/ipc';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

const MARK = 'HOSTILE-tok-9f8e7d6c5b4a';
const validInput = { id: 'ABCDEF123456', label: 'x', baseUrl: '', expectedPhone: null, token: 'tok-valid-1' };

/** For each channel, argument lists that must be refused. */
const hostile: Record<InvokeChannel, unknown[][]> = {
  'instances:list': [[1], [MARK]],
  'instances:save': [
    [],
    [null],
    [MARK],
    [{ ...validInput, id: MARK }],
    [{ ...validInput, token: `${MARK} with spaces` }],
    [{ ...validInput, token: 'x'.repeat(5000) + MARK }],
    [{ ...validInput, baseUrl: `http://evil.example/?access_token=${MARK}` }],
    [{ ...validInput, baseUrl: `https://u:${MARK}@api.wawp.net` }],
    [{ ...validInput, baseUrl: 'file:///etc/passwd' }],
    [{ ...validInput, expectedPhone: MARK }],
    [{ ...validInput, isDemo: true }],
    [
      JSON.parse(
        `{"id":"ABCDEF123456","label":"x","baseUrl":"","expectedPhone":null,"__proto__":{"polluted":"${MARK}"}}`,
      ),
    ],
    [validInput, MARK],
  ],
  'instances:remove': [[], [42], ['../../etc'], [MARK], [{ id: 'ABCDEF123456' }]],
  'instances:test': [[], [{ ...validInput, label: 7 }], [{ ...validInput, token: '' }]],
  'instances:export': [[MARK]],
  'instances:import': [[], [42], ['x'.repeat(1_000_001)], [{ version: 1, instances: [] }]],
  'instances:keep-number': [[], [42], [MARK], ['ABCDEF123456', MARK]],
  'login:start': [[], [null], ['ABCDEF12345'], [`ABCDEF123456${MARK}`], ['ABCDEF123456', MARK]],
  'login:stop': [[], [{}], ['ABC DEF 1234']],
  'login:restart': [[], [['ABCDEF123456']]],
  'remote-link:open': [[], [null], [`ABCDEF123456${MARK}`], ['ABCDEF123456', MARK]],
  'remote-link:renew': [[], [42], ['abc']],
  'remote-link:cancel': [[], [{ id: 'ABCDEF123456' }], [MARK]],
  'login:relink': [[], [MARK], ['ABCDEF123456', MARK]],
  'login:pairing-code': [
    [],
    ['ABCDEF123456'],
    ['ABCDEF123456', 'x'.repeat(41)],
    ['ABCDEF123456', 201012345678],
  ],
  'demo:start': [[MARK]],
  'demo:scan': [[], [MARK], [undefined]],
  'settings:get': [[MARK]],
  'settings:set': [
    [],
    [{ launchAtLogin: 'yes' }],
    [{ globalShortcut: { enabled: true, accelerator: `${MARK}; rm -rf /` } }],
    [{ theme: MARK }],
    [{ __proto__: { launchAtLogin: true } }, 1],
  ],
  'settings:token-storage': [[], ['keychain'], [MARK], [{ choice: 'session-memory' }]],
  'settings:keychain-check': [[MARK]],
  'clipboard:write': [[], [''], [42], ['x'.repeat(2049)]],
  'batch:start': [[], [[]], [MARK], [['ABCDEF123456', MARK]], ['needs-linking', MARK]],
  'batch:control': [[], ['skip', 1], [MARK], [{ command: 'skip' }]],
  'batch:get': [[MARK]],
};

/** Channels whose contract returns plain data: bad arguments reject the invoke instead of a Result. */
const THROWING = new Set<InvokeChannel>([
  'instances:list',
  'settings:get',
  'settings:keychain-check',
  'batch:get',
]);

let fx: HandlerFixture;
beforeAll(async () => {
  fx = await handlerFixture();
});
afterAll(async () => {
  await fx.close();
});

describe('argument validation', () => {
  it('has hostile cases for every channel', () => {
    expect(Object.keys(hostile).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel} refuses hostile input without echoing it`, async () => {
      for (const args of hostile[channel]) {
        const handler = fx.app.channels[channel] as (...a: unknown[]) => Promise<unknown>;
        if (THROWING.has(channel)) {
          const error = await handler(...args).then(
            () => null,
            (e: unknown) => e as Error,
          );
          expect(error?.message).toMatch(/^Rejected:/);
          expect(error?.message).not.toContain(MARK);
          continue;
        }
        const result = (await handler(...args)) as { ok: boolean; code?: string; reason?: string };
        expect(result, `${channel}(${JSON.stringify(args).slice(0, 80)})`).toMatchObject({ ok: false });
        expect(JSON.stringify(result)).not.toContain(MARK);
      }
    });
  }

  it('never throws and never echoes for arbitrary values on any Result channel', async () => {
    const resultChannels = INVOKE_CHANNELS.filter((c) => !THROWING.has(c) && c !== 'demo:start');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...resultChannels),
        fc.array(fc.oneof(fc.anything(), fc.constant(MARK)), { maxLength: 3 }),
        async (channel, args) => {
          const handler = fx.app.channels[channel] as (...a: unknown[]) => Promise<{ ok: boolean }>;
          const result = await handler(...args);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(JSON.stringify(result)).not.toContain(MARK);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no instance or preference changed after all of that, and no prototype was polluted', async () => {
    expect(await fx.app.channels['instances:list']()).toEqual([]);
    expect(fx.settings.getPreferences().launchAtLogin).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
