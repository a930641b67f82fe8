/**
 * Vitest global setup: gives the keychain tests a real gnome-keyring on a private D-Bus
 * (scripts/test-keyring.sh), unless the caller (.ci/run) already started one. Stopped by PID afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): (() => void) | undefined {
  if (process.env.WAWP_TEST_KEYRING === '1') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wawp-keyring-'));
  const script = join(import.meta.dirname, '../../scripts/test-keyring.sh');
  let envText: string;
  try {
    envText = execFileSync('bash', [script, 'start', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // No gnome-keyring here: keychain tests report themselves skipped with this reason.
    process.env.WAWP_TEST_KEYRING_UNAVAILABLE = String((error as { stderr?: string }).stderr ?? error).trim();
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  for (const match of envText.matchAll(/^export (\w+)='(.*)'$/gm)) process.env[match[1]!] = match[2]!;
  return () => {
    execFileSync('bash', [script, 'stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  };
}
