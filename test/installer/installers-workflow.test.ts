/**
 * .github/workflows/installers.yml, read offline: one job per OS building its own installers with
 * electron-builder, signing variables exported only when their secret is set (so an unsigned build still
 * completes), no secret ever echoed, the real-build checks present, and the artifacts uploaded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: { build: { strategy: { matrix: { include: { os: string; targets: string }[] } }; steps: Step[] } };
}

const text = readFileSync(resolve(import.meta.dirname, '../../.github/workflows/installers.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const steps = workflow.jobs.build.steps;
const step = (name: string): Step => {
  const found = steps.find((candidate) => candidate.name?.startsWith(name));
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

describe('installers workflow', () => {
  it('builds each OS’s installers on that OS', () => {
    expect(workflow.jobs.build.strategy.matrix.include.map(({ os, targets }) => [os, targets])).toEqual([
      ['ubuntu-latest', '--linux AppImage deb'],
      ['windows-latest', '--win nsis'],
      ['macos-latest', '--mac dmg zip'],
    ]);
    expect(step('Build the installers').run).toBe(
      'npx electron-builder ${{ matrix.targets }} --publish never',
    );
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('passes electron-builder’s signing variables only when their secret is set', () => {
    const signing = step('Signing credentials');
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
    ]) {
      // prettier-ignore
      expect(signing.run).toMatch(new RegExp(`export_if_set ${name} `));
    }
    expect(signing.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false'); // unsigned macOS builds complete
    expect(signing.run).toContain('::add-mask::');
    // Secrets reach the shell only through env, never pasted into a command line.
    for (const s of steps) expect(s.run ?? '').not.toContain('secrets.');
    expect(
      Object.values(signing.env ?? {}).every((value) => /^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/.test(value)),
    ).toBe(true);
  });

  it('checks what only a real build shows, and uploads the installers', () => {
    expect(step('Check the deb').run).toContain('net.wawp.link.desktop');
    expect(step('Install, check and uninstall').run).toContain('HKCU:\\Software\\Classes\\wawp-link');
    expect(step('Check the URL scheme').run).toContain('CFBundleURLTypes');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });
});
