import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../support/server';

/** Builds the e2e and release extensions once per run (the release build is checked by privacy tests). */
export default function setup(): void {
  if (process.env.CG_SKIP_BUILD === '1') return;
  for (const args of [['build', '--mode', 'e2e'], ['build']]) {
    execFileSync('npx', ['wxt', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
