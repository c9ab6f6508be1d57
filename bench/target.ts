import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/server';

/** The source tree whose builds are measured. */
export interface Target {
  root: string;
  e2eDir: string;
  releaseDir: string;
  /** The release bundles with a manifest that also runs them on 127.0.0.1 (what users run, made reachable). */
  releaseTestDir: string;
  /** What was built, for the report. */
  label: string;
  dispose(): void;
}

function target(root: string, label: string, dispose = () => {}): Target {
  return {
    root,
    e2eDir: join(root, '.output/chrome-mv3-e2e'),
    releaseDir: join(root, '.output/chrome-mv3'),
    releaseTestDir: join(root, '.output/chrome-mv3-release-test'),
    label,
    dispose,
  };
}

function buildAll(root: string, log: (line: string) => void): void {
  for (const args of [['build', '--mode', 'e2e'], ['build'], ['build', '--mode', 'release-test']]) {
    log(`npx wxt ${args.join(' ')}${root === REPO_ROOT ? '' : ` (in ${root})`}`);
    execFileSync('npx', ['wxt', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** The working tree, built in place (`CG_SKIP_BUILD=1`: measure `.output` as it is). */
export function workingTree(log: (line: string) => void): Target {
  if (process.env.CG_SKIP_BUILD === '1') log('builds skipped (CG_SKIP_BUILD=1): measuring .output as it is');
  else buildAll(REPO_ROOT, log);
  return target(REPO_ROOT, 'working tree');
}

/**
 * `--committed`: HEAD exported to a temporary directory (node_modules linked) and built there,
 * so other people's half-saved files in the shared working tree cannot break or skew the run.
 */
export function committedTree(log: (line: string) => void): Target {
  const root = mkdtempSync(join(tmpdir(), 'cg-bench-head-'));
  const head = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const dispose = () => rmSync(root, { recursive: true, force: true });
  try {
    execSync(`git archive HEAD | tar -x -C ${JSON.stringify(root)}`, { cwd: REPO_ROOT });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
    buildAll(root, log);
  } catch (error) {
    dispose();
    throw error;
  }
  return target(root, `commit ${head}`, dispose);
}

/** `--output DIR`: measure builds made elsewhere (DIR/chrome-mv3-e2e, DIR/chrome-mv3, DIR/chrome-mv3-release-test), e.g. a scratch copy with a fix tried out. */
export function prebuilt(outputDir: string, root: string): Target {
  return {
    root,
    e2eDir: join(outputDir, 'chrome-mv3-e2e'),
    releaseDir: join(outputDir, 'chrome-mv3'),
    releaseTestDir: join(outputDir, 'chrome-mv3-release-test'),
    label: `prebuilt ${outputDir}`,
    dispose() {},
  };
}
