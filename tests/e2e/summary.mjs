// Prints one line summarising the Playwright JSON report, e.g.
//   e2e: 14 passed, 0 failed
//   e2e: 14 passed, 0 failed, 1 skipped
// and exits 1 when a test failed, none passed, or the report is missing.
//
//   node tests/e2e/summary.mjs [path/to/e2e-results.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const reportPath = path.resolve(process.argv[2] || path.join(repoRoot, 'target', 'e2e-results.json'));

let report;
try {
  report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
} catch (err) {
  console.error(`e2e: cannot read ${path.relative(process.cwd(), reportPath) || reportPath}: ${err.message}`);
  process.exit(1);
}

// Outcome of one test: the status of its final attempt.
function outcome(test) {
  const results = Array.isArray(test.results) ? test.results : [];
  const last = results.length > 0 ? results[results.length - 1].status : undefined;
  const status = last ?? test.status;
  if (status === 'skipped' || test.status === 'skipped') return 'skipped';
  // 'expected' also covers a test marked test.fail() that failed as expected.
  if (status === 'passed' || status === 'expected' || test.status === 'expected') return 'passed';
  return 'failed';
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function walk(suite, titles) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs || []) {
    for (const test of spec.tests || []) {
      const result = outcome(test);
      counts[result] += 1;
      if (result === 'failed') {
        const where = spec.file ? `${spec.file}:${spec.line ?? ''}` : '';
        failures.push(`${[...here, spec.title].join(' › ')}${where ? ` (${where})` : ''}`);
      }
    }
  }
  for (const child of suite.suites || []) walk(child, here);
}

for (const suite of report.suites || []) walk(suite, []);

// Errors outside any test (a spec file that does not load, the web server not
// starting, ...) mean tests did not run: count each as a failure.
const topErrors = Array.isArray(report.errors) ? report.errors : [];
counts.failed += topErrors.length;

for (const name of failures) console.error(`failed: ${name}`);
for (const err of topErrors) {
  const message = String(err.message || err.value || 'error')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')[0];
  console.error(`error: ${message}`);
}

let line = `e2e: ${counts.passed} passed, ${counts.failed} failed`;
if (counts.skipped > 0) line += `, ${counts.skipped} skipped`;
console.log(line);

process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
