// The whole test suite, as the README and .ci/run call it (`npm test`): types, lint, unit +
// property + DOM tests, then real Chromium with the built extension. Stops at the first
// failing stage and ends with one plain "N passed, N failed" line summing every vitest run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'cg-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(
    `◀ ${label}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

function vitest(label, extraArgs) {
  const out = join(work, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (!ok && (report.numFailedTests ?? 0) === 0) totals.failed += 1; // a suite that failed to load
  } catch {
    if (!ok) totals.failed += 1;
  }
  return ok;
}

const stages = [
  () => run('types (tsc --noEmit)', 'npx', ['tsc', '--noEmit']),
  () => run('lint and format (biome)', 'npx', ['biome', 'check', '.']),
  () => vitest('unit, property and DOM tests', []),
  () => run('Chromium (installed by the project when missing)', 'node', ['scripts/ensure-chromium.mjs']),
  () => vitest('real-Chromium tests with the built extension', ['-c', 'vitest.e2e.config.ts']),
];

let ok = true;
for (const stage of stages) {
  if (!stage()) {
    ok = false;
    break;
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(ok && totals.failed === 0 ? 0 : 1);
