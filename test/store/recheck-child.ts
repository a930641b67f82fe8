/**
 * Child-process entry for the keychain re-check test: the app's secret switch over the real keytar store, in
 * one long-lived process (keytar/libsecret keep their D-Bus connection), driven by one command per stdin line
 * (`recheck`, `set`, `get`, `health`); each answer is one JSON line on stdout.
 */
import { createInterface } from 'node:readline';
import { createSecretSwitch } from '../../main/app/platform/secret-switch';
import { chooseSecretStore } from '../../main/store/choose-secret-store';
import { createKeychainMonitor } from '../../main/store/keychain-monitor';
import { KeytarStore, probeKeychain } from '../../main/store/keytar-store';

const service = 'wawp-link-recheck-test';
const timeoutMs = 1500;
const keychain = new KeytarStore({ service, timeoutMs, platform: 'linux' });
const secrets = createSecretSwitch({
  keychain,
  // No minimum interval: the test decides when a token is needed.
  monitor: createKeychainMonitor({
    probe: () => probeKeychain({ service, timeoutMs, platform: 'linux' }),
    minIntervalMs: 0,
  }),
  choose: (health, consent) => chooseSecretStore({ keychain, health, ...(consent ? { consent } : {}) }),
});
const key = { baseUrl: 'https://api.wawp.net', instanceId: 'ABCDEF123456' };

const commands: Record<string, () => Promise<unknown>> = {
  recheck: () => secrets.recheck(),
  set: () => secrets.set(key, 'tok-recheck-1234').then(() => 'saved'),
  get: () => secrets.get(key),
  health: () => secrets.health(),
};

for await (const line of createInterface({ input: process.stdin })) {
  const run = commands[line.trim()];
  const answer = run
    ? await run().then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      )
    : { ok: false, error: `unknown command ${line}` };
  process.stdout.write(`${JSON.stringify({ ...answer, state: (await secrets.health()).state })}\n`);
}
process.exit(0);
