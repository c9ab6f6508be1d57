import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../support/server';

const run = promisify(execFile);

/** The figures `npm run bench -- --json` promises (bench/README.md). */
const KEYS = [
  'contentScriptGzipBytes',
  'loadRatio',
  'inputToWarningP95Ms',
  'inputToWarningP50Ms',
  'longTasksFromExtension',
  'gridFrameRatio',
  'idleCpuMs',
  'coreClaimsPerSec',
];

// Bench smoke test: the harness runs end to end and reports every figure as a number. It
// never judges a timing (that is `npm run bench`'s job, on a quiet machine).
test('bench --quick --json reports every budget figure as a number', { timeout: 420_000 }, async () => {
  const { stdout } = await run('npx', ['tsx', 'bench/run.ts', '--quick', '--json'], {
    cwd: REPO_ROOT,
    // The e2e global setup has just built both extensions (or the caller did, with CG_SKIP_BUILD=1).
    env: { ...process.env, CG_SKIP_BUILD: '1' },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 400_000,
  });
  const last = stdout.trim().split('\n').at(-1)!;
  const figures = JSON.parse(last) as Record<string, unknown>;
  for (const key of KEYS) {
    expect(typeof figures[key], key).toBe('number');
    expect(Number.isFinite(figures[key]), key).toBe(true);
  }
});
