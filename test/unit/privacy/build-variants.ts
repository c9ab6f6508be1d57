import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../support/server';

/**
 * Builds the shipped variants into a fresh temporary directory, so the privacy checks judge
 * what the current sources produce, never a stale `.output` left by someone else's run.
 * WXT's JS API runs in a child process: Vite inside a Vitest worker is not a setup we trust.
 */
export const VARIANTS = [
  { name: 'chrome-release', browser: 'chrome', mode: 'production', dir: 'chrome-mv3' },
  { name: 'firefox-release', browser: 'firefox', mode: 'production', dir: 'firefox-mv3' },
  { name: 'chrome-e2e', browser: 'chrome', mode: 'e2e', dir: 'chrome-mv3-e2e' },
  { name: 'chrome-release-test', browser: 'chrome', mode: 'release-test', dir: 'chrome-mv3-release-test' },
] as const;
export type VariantName = (typeof VARIANTS)[number]['name'];

export function buildVariants(): Record<VariantName, string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cg-privacy-build-'));
  const script = `
    import { build } from 'wxt';
    const quiet = () => {};
    const logger = { debug: quiet, log: quiet, info: quiet, success: quiet, start: quiet, box: quiet,
      warn: console.warn, error: console.error, fatal: console.error, level: 0 };
    for (const [browser, mode] of ${JSON.stringify(VARIANTS.map((v) => [v.browser, v.mode]))}) {
      await build({ root: ${JSON.stringify(REPO_ROOT)}, browser, mode, outDir: ${JSON.stringify(outDir)}, logger });
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building the extension failed:\n${run.stderr}`);
  return Object.fromEntries(VARIANTS.map((v) => [v.name, join(outDir, v.dir)])) as Record<
    VariantName,
    string
  >;
}

/** Every file under `dir` with the given extension, as paths relative to `dir`. */
export function filesIn(dir: string, extension: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(extension)) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}

export function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}
