/**
 * `describe` for a suite that needs the app: where it cannot run it reports itself skipped with the reason,
 * or fails with it when WAWP_E2E_REQUIRED is set (CI, where the e2e must not silently not run).
 */
import { describe, it } from 'vitest';
import { appUnderTest, type AppUnderTest } from './app-under-test';

export type Launchable = Extract<AppUnderTest, { ok: true }>;

/** Runs `body` with the app under test, or one skipped (or failing) test naming why not. */
export function describeApp(
  name: string,
  body: (target: Launchable) => void,
  /** A further reason this suite cannot run here (null when it can). */
  extraReason: string | null = null,
): void {
  const target = appUnderTest();
  const why = target.ok ? extraReason : target.reason;
  describe(target.ok ? `${name} (${target.kind})` : name, () => {
    if (!target.ok || why) {
      if (process.env.WAWP_E2E_REQUIRED === '1' && !target.ok)
        it(`cannot run: ${why}`, () => {
          throw new Error(`WAWP_E2E_REQUIRED is set but the e2e cannot run: ${why}`);
        });
      else it.skip(`skipped: ${why}`, () => undefined);
      return;
    }
    body(target);
  });
}
