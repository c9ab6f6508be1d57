/**
 * `npx tsx bench/profile.ts [--keys N] [--dir EXTENSION_DIR] [--top ROWS]`: where the extension's time
 * goes on the bench pages, by function, for the people fixing a budget. Builds an unminified
 * e2e copy of the working tree in a scratch directory (wxt.config.ts there gets
 * `build.minify: false`; the real one is untouched), traces a portal load, typing and the live
 * grid, and prints the extension's hottest frames with the source file they came from.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startFixtureServer } from '../test/support/server';
import { launchPair, mark, openPage, pageUrl, sleep, traced, whenIdle } from './measure/browsers';
import { HOST_WAIT_MS, QUIET_MS } from './measure/load';
import { extensionHotspots, type Hotspot, longTasks, type TraceAnalysis } from './measure/trace';
import { typeUnits } from './measure/typing';
import { writeBenchFixtures } from './pages/fixtures';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const keys = Number(option('--keys') ?? 20);
/** Rows per hotspot table. */
const top = Number(option('--top') ?? 15);
const log = (line: string) => process.stderr.write(`${line}\n`);

function unminifiedBuild(): { dir: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cg-bench-scratch-'));
  const files = execSync('git ls-files -co --exclude-standard -z', { cwd: REPO_ROOT, encoding: 'utf8' });
  execSync(`tar -c --null -T - | tar -x -C ${JSON.stringify(root)}`, { cwd: REPO_ROOT, input: files });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  const config = join(root, 'wxt.config.ts');
  const source = readFileSync(config, 'utf8');
  // Keep the config's own vite() settings and switch minify off on top of them (a second
  // `vite:` key in the object would simply be overridden by the existing one).
  const patched = source.includes('export default defineConfig(')
    ? `${source.replace('export default defineConfig(', 'const ownConfig = defineConfig(')}
const ownVite = ownConfig.vite;
export default {
  ...ownConfig,
  vite: (env: Parameters<NonNullable<typeof ownVite>>[0]) => ({ ...(ownVite?.(env) ?? {}), build: { minify: false } }),
};
`
    : source;
  if (patched === source) throw new Error('could not switch minify off in the scratch wxt.config.ts');
  writeFileSync(config, patched);
  log(`unminified e2e build in ${root}`);
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    dir: join(root, '.output/chrome-mv3-e2e'),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Source module of each bundle line, from the `// path` comments the bundler writes when not minifying. */
function regions(bundle: string): { line: number; path: string; bytes: number }[] {
  const found: { line: number; path: string; bytes: number }[] = [
    { line: 1, path: '(bundle runtime)', bytes: 0 },
  ];
  bundle.split('\n').forEach((text, i) => {
    const m = /^\s*\/\/ (?:\.\.\/)*(?:work\/main\/)?([\w@.\-/]+\.(?:ts|tsx|js|mjs))$/.exec(text);
    if (m) found.push({ line: i + 1, path: m[1]!, bytes: 0 });
    else found[found.length - 1]!.bytes += text.length + 1;
  });
  return found;
}

function regionLookup(list: { line: number; path: string }[]): (line: number) => string {
  return (line) => {
    let path = '';
    for (const r of list) if (r.line <= line) path = r.path;
    return path;
  };
}

/** Unminified bytes per package or src/ folder: where the content script's size comes from. */
function printComposition(list: { path: string; bytes: number }[]): void {
  const groups = new Map<string, number>();
  for (const { path, bytes } of list) {
    const parts = path.split('/');
    const group =
      parts[0] === 'node_modules'
        ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/')
        : parts.length > 2
          ? parts.slice(0, 2).join('/')
          : path;
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const rows = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15);
  process.stdout.write(
    `\n## content script composition (unminified bytes, ${total.toLocaleString('en-US')} in all)\n${rows
      .map(
        ([group, bytes]) =>
          `${bytes.toLocaleString('en-US').padStart(9)} ${((bytes * 100) / total).toFixed(1).padStart(5)}%  ${group}`,
      )
      .join('\n')}\n`,
  );
}

function print(
  title: string,
  trace: TraceAnalysis,
  from: number,
  to: number,
  source: (line: number) => string,
) {
  const spots = extensionHotspots(trace, from, to);
  const total = spots.reduce((a, s) => a + s.selfMs, 0);
  const long = longTasks(trace, from, to);
  process.stdout.write(
    `\n## ${title}: extension ${total.toFixed(1)} ms sampled; long tasks ${long.length} (${long.filter((t) => t.fromExtension).length} from the extension: ${long.map((t) => `${t.durMs.toFixed(0)}/${t.extensionMs.toFixed(0)} ms`).join(', ')})\n`,
  );
  const row = (s: Hotspot) => {
    const [, where = ''] = s.frame.split(' ');
    const line = Number(where.split(':')[1] ?? 0);
    return `${s.selfMs.toFixed(1).padStart(8)} ${s.totalMs.toFixed(1).padStart(8)}  ${s.frame}  ${source(line)}`;
  };
  process.stdout.write(`  self ms  total ms  frame (by self)\n${spots.slice(0, top).map(row).join('\n')}\n`);
  const byTotal = [...spots].sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
  process.stdout.write(`  self ms  total ms  frame (by total)\n${byTotal.map(row).join('\n')}\n`);
}

async function main() {
  writeBenchFixtures();
  const given = option('--dir');
  const build = given ? { dir: given, dispose() {} } : unminifiedBuild();
  const bundle = readFileSync(join(build.dir, 'content-scripts/portal.js'), 'utf8');
  const modules = regions(bundle);
  const source = regionLookup(modules);
  printComposition(modules);
  const server = await startFixtureServer();
  const pair = await launchPair(build.dir, { with: server.origin, without: server.altOrigin });
  try {
    const { page, cdp } = await openPage(pair.with);
    const trace = await traced(cdp, async () => {
      await page.goto(pageUrl(pair.with, 'bench/portal-20k.html'), { waitUntil: 'load' });
      await whenIdle(page, QUIET_MS, HOST_WAIT_MS);
      await mark(page, 'idle');
      await typeUnits(page, keys, true);
      await mark(page, 'typed');
      await page.goto(pageUrl(pair.with, 'bench/grid-200ms.html'), { waitUntil: 'load' });
      await mark(page, 'grid');
      await sleep(3_000);
      await mark(page, 'grid-end');
    });
    const m = (name: string) => trace.marks.get(name)!;
    print('portal load (navigation to idle)', trace, -Infinity, m('idle'), source);
    print(`typing (${keys} keystrokes)`, trace, m('idle'), m('typed'), source);
    print('live grid (3 s)', trace, m('grid'), m('grid-end'), source);
    await page.close();
  } finally {
    await pair.close();
    await server.close();
    build.dispose();
  }
}

main().catch((error) => {
  log(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
