// Prints CI's plain summary line from vitest's JSON report and decides the exit code.
// A run where typecheck, lint or build failed (no report) counts as one failure; a run with no test fails too.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
const exitCode = Number(status ?? 1);
if (!file || !existsSync(file)) {
  console.log('ci: no test report (typecheck, lint or build failed before the tests ran)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const suiteErrors = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && r.assertionResults?.length === 0,
).length;
const failedTotal = (report.numFailedTests ?? 0) + suiteErrors;
console.log(`${passed} passed, ${failedTotal} failed, ${skipped} skipped`);
if (passed === 0) {
  console.log('ci: no test ran');
  process.exit(1);
}
process.exit(exitCode !== 0 || failedTotal > 0 ? 1 : 0);
