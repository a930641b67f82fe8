/**
 * Proves `npm run typecheck` checks main-process code against the real electron.d.ts:
 * a deliberate API misuse (`app.quitt()`) must fail with TS2551, and the correct call must pass.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(root, 'main', '.typecheck-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function typecheck(source: string): Promise<{ code: number; output: string }> {
  writeFileSync(join(dir, 'probe.ts'), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.node.json', include: ['probe.ts'] }),
  );
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(dir, 'tsconfig.json'),
    ]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, output: failure.stdout };
  }
}

describe('typecheck against the real Electron types', () => {
  it('rejects a misspelled Electron API (app.quitt)', async () => {
    const result = await typecheck("import { app } from 'electron';\napp.quitt();\n");
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('TS2551');
    expect(result.output).toContain("Did you mean 'quit'");
  });

  it('accepts the correct call (app.quit)', async () => {
    const result = await typecheck("import { app } from 'electron';\napp.quit();\n");
    expect(result).toEqual({ code: 0, output: '' });
  });
});
