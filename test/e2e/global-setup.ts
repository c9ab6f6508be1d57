import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../support/server';

/**
 * Builds once per run: e2e (test hooks), release (checked by privacy tests) and release-test
 * (the release bundles with a localhost manifest, for the hostile-page tests).
 */
export default function setup(): void {
  if (process.env.CG_SKIP_BUILD === '1') return;
  for (const args of [['build', '--mode', 'e2e'], ['build'], ['build', '--mode', 'release-test']]) {
    execFileSync('npx', ['wxt', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
