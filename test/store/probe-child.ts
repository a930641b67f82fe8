/**
 * Child-process entry for the keychain failure-class tests: runs the startup probe in an environment the
 * parent controls (keytar/libsecret read D-Bus settings at connection time), prints the health as JSON,
 * and exits even if a keytar call is still stuck in the native layer.
 */
import { probeKeychain } from '../../main/store/keytar-store';

const timeoutMs = Number(process.env.WAWP_PROBE_TIMEOUT_MS ?? '3000');
const runs = Number(process.env.WAWP_PROBE_RUNS ?? '1');
for (let i = 0; i < runs; i++) {
  const health = await probeKeychain({ service: 'wawp-link-probe-test', timeoutMs, platform: 'linux' });
  process.stdout.write(`${JSON.stringify(health)}\n`);
}
process.exit(0);
