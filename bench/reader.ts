/**
 * The page reader alone, in real Chromium: readPage(document, {taught: []}) timed inside each
 * page (no extension, no overlay, no core), so a change to collect/qualify/group can be judged
 * without a full `npm run bench`. First call (cold caches and JIT, what a page load pays) and
 * the median of the calls after it. The "reading" column is a short hash of what was read
 * (claim, binding roles and lines): it must not change when only speed is meant to.
 * Run: `npx tsx bench/reader.ts [--runs N] [--against REV] [--profile PAGE [--self]]`.
 *
 * `--against REV` also bundles src/ as committed at REV and times both readers in the same
 * page, calls alternating, so a busy machine slows both alike: the ratio column is the median
 * of per-pair ratios (this tree / REV), and "same" says whether both read the same.
 *
 * `--cold N --against REV` times what a page load pays: the first reading of the bench portal in
 * a freshly loaded page (cold JIT, no wrappers yet), one reader per page, N pairs alternating
 * which goes first; the figure is the median of per-pair ratios, as in `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { REPO_ROOT, startFixtureServer } from '../test/support/server';
import { pairOrder } from './measure/browsers';
import { median, medianPairRatio } from './stats';

const GLOBAL = '__cgReaderBench';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
/** `--profile PAGE`: sample the reader on one page (readable names) and print where the time goes. */
const profileArg = process.argv.indexOf('--profile');
const PROFILE = profileArg > 0 ? process.argv[profileArg + 1] : undefined;
const againstArg = process.argv.indexOf('--against');
const AGAINST = againstArg > 0 ? process.argv[againstArg + 1] : undefined;
const BASE_GLOBAL = '__cgReaderBase';
const coldArg = process.argv.indexOf('--cold');
const COLD_PAIRS = coldArg > 0 ? Number(process.argv[coldArg + 1]) : 0;

/** readPage bundled as the release build would: production mode, no dev-only code. */
async function readerBundle(
  minify = true,
  entry = fileURLToPath(new URL('../src/page/index.ts', import.meta.url)),
  globalName = GLOBAL,
): Promise<string> {
  const { buildSync } = await import('esbuild');
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify,
    write: false,
    format: 'iife',
    globalName,
    target: 'es2022',
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env.DEV': 'false' },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** readPage as committed at `rev` (src/ exported to a scratch directory, so the working tree is not touched). */
async function baseBundle(rev: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-reader-base-'));
  try {
    execFileSync('sh', ['-c', `git -C "${REPO_ROOT}" archive "${rev}" src | tar -x -C "${dir}"`]);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
    return await readerBundle(true, join(dir, 'src/page/index.ts'), BASE_GLOBAL);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs inside the page: both readers, calls alternating; medians, median per-pair ratio, same reading. */
function compareInPage({ name, base, runs }: { name: string; base: string; runs: number }) {
  type Api = { readPage: (d: Document, c: unknown) => unknown };
  const apis = window as unknown as Record<string, Api>;
  const ours = apis[name];
  const theirs = apis[base];
  if (!ours || !theirs) throw new Error('reader bundles not loaded');
  const config = { taught: [] };
  const summary = (r: unknown) => {
    const reading = r as {
      claim: unknown;
      bindings: { role: string; line?: number; element: Element }[];
    } | null;
    if (!reading) return 'null';
    const all = Array.from(document.querySelectorAll('*'));
    return JSON.stringify([
      reading.claim,
      reading.bindings.map((b) => [b.role, b.line, all.indexOf(b.element)]),
    ]);
  };
  let start = performance.now();
  const baseReading = summary(theirs.readPage(document, config));
  const baseFirst = performance.now() - start;
  start = performance.now();
  const ourReading = summary(ours.readPage(document, config));
  const ourFirst = performance.now() - start;
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [ours, theirs] : [theirs, ours];
    const took = order.map((api) => {
      const t = performance.now();
      api.readPage(document, config);
      return performance.now() - t;
    });
    const mine = (i % 2 === 0 ? took[0] : took[1]) ?? 0;
    const base = (i % 2 === 0 ? took[1] : took[0]) ?? 0;
    a.push(mine);
    b.push(base);
    ratios.push(mine / Math.max(base, 0.05));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return {
    ourFirst,
    baseFirst,
    ourMedian: median(a),
    baseMedian: median(b),
    ratio: median(ratios),
    same: ourReading === baseReading,
  };
}

interface Timing {
  first: number;
  median: number;
  elements: number;
  reading: string;
}

/** Runs inside the page: the bundle's global is there, timings are performance.now() deltas. */
function timeInPage({ name, runs }: { name: string; runs: number }) {
  const api = (window as unknown as Record<string, { readPage: (d: Document, c: unknown) => unknown }>)[name];
  if (!api) throw new Error('reader bundle not loaded');
  const config = { taught: [] };
  let start = performance.now();
  const reading = api.readPage(document, config) as {
    claim: unknown;
    bindings: { role: string; line?: number }[];
  } | null;
  const first = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    api.readPage(document, config);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const summary = reading
    ? JSON.stringify([reading.claim, reading.bindings.map((b) => `${b.role}:${b.line ?? ''}`)])
    : 'null';
  return {
    first,
    median: times[Math.floor(times.length / 2)] ?? Number.NaN,
    elements: document.getElementsByTagName('*').length,
    summary,
  };
}

async function load(page: Page, url: string, bundle: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.addScriptTag({ content: bundle });
  } catch {
    // strict-csp.html forbids inline scripts: evaluate through the debugger protocol instead.
  }
  if (!(await page.evaluate((name) => name in window, GLOBAL)))
    await page.evaluate(`${bundle};window.${GLOBAL}=${GLOBAL};`);
  // tsx keeps function names with a __name helper that the page lacks.
  await page.evaluate('window.__name = (f) => f');
}

async function measure(page: Page, url: string, bundle: string): Promise<Timing> {
  await load(page, url, bundle);
  const { first, median, elements, summary } = await page.evaluate(timeInPage, { name: GLOBAL, runs: RUNS });
  const reading = summary === 'null' ? 'null' : createHash('sha1').update(summary).digest('hex').slice(0, 8);
  return { first, median, elements, reading };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self and total sampled time per function, over RUNS readings of one page. */
async function profile(path: string): Promise<void> {
  const bundle = await readerBundle(false);
  const server = await startFixtureServer();
  const browser = await launchBrowser({ extensionDir: null });
  try {
    const page = await browser.context.newPage();
    await load(page, server.url(path), bundle);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate(timeInPage, { name: GLOBAL, runs: RUNS });
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const nameOf = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
    p.samples.forEach((id, i) => {
      const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = byId.get(id);
      if (!leaf) return;
      self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
        const name = nameOf(n);
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
    });
    const bySelf = process.argv.includes('--self');
    const top = [...(bySelf ? self : total)].sort((a, b) => b[1] - a[1]).slice(0, 45);
    console.log(`${'function:line (bundle)'.padEnd(48)}${'self ms'.padStart(9)}${'total ms'.padStart(10)}`);
    for (const [name, t] of top)
      console.log(
        `${name.padEnd(48)}${(self.get(name) ?? 0).toFixed(1).padStart(9)}${t.toFixed(1).padStart(10)}`,
      );
    console.log(`(${RUNS + 1} readings of ${path}, sampled every 0.1 ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function compare(pages: string[], bundle: string, rev: string): Promise<void> {
  const base = await baseBundle(rev);
  const server = await startFixtureServer();
  const browser = await launchBrowser({ extensionDir: null });
  try {
    const page = await browser.context.newPage();
    const rows = [
      `${'page'.padEnd(34)}${'first ms'.padStart(10)}${`(${rev})`.padStart(12)}${'median ms'.padStart(11)}${`(${rev})`.padStart(12)}${'ratio'.padStart(7)}  same`,
    ];
    for (const path of pages) {
      await load(page, server.url(path), `${bundle};${base}`);
      if (!(await page.evaluate((name) => name in window, BASE_GLOBAL)))
        await page.evaluate(`${base};window.${BASE_GLOBAL}=${BASE_GLOBAL};`);
      const t = await page.evaluate(compareInPage, { name: GLOBAL, base: BASE_GLOBAL, runs: RUNS });
      const f = (x: number, w: number) => x.toFixed(2).padStart(w);
      rows.push(
        `${path.padEnd(34)}${f(t.ourFirst, 10)}${f(t.baseFirst, 12)}${f(t.ourMedian, 11)}${f(t.baseMedian, 12)}${f(t.ratio, 7)}  ${t.same ? 'yes' : 'NO'}`,
      );
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    console.log(rows.join('\n'));
    console.log(
      `(${RUNS} alternating calls after each reader's first; ratio = median of this tree / ${rev} per pair)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The first reading in a fresh page, one reader per page: this tree against `rev`, N alternating pairs. */
async function compareCold(bundle: string, rev: string, pairs: number): Promise<void> {
  const base = await baseBundle(rev);
  const server = await startFixtureServer();
  const browser = await launchBrowser({ extensionDir: null });
  const firstReading = async (code: string, name: string) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('bench/portal-20k.html'), { waitUntil: 'load' });
      await page.evaluate(`${code};window.${name}=${name};window.__name=(f)=>f;`);
      return await page.evaluate((api) => {
        const reader = (window as unknown as Record<string, { readPage(d: Document, c: unknown): unknown }>)[
          api
        ]!;
        const start = performance.now();
        reader.readPage(document, { taught: [] });
        return performance.now() - start;
      }, name);
    } finally {
      await page.close();
    }
  };
  try {
    const runs: { with: number; without: number }[] = [];
    for (let i = 0; i < pairs; i++) {
      const pair: Partial<{ with: number; without: number }> = {};
      for (const side of pairOrder({ with: 'with', without: 'without' } as const, i))
        pair[side] = await (side === 'with' ? firstReading(bundle, GLOBAL) : firstReading(base, BASE_GLOBAL));
      runs.push(pair as { with: number; without: number });
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    console.log(
      `bench/portal-20k.html cold first reading: ${median(runs.map((r) => r.with)).toFixed(1)} ms vs ${median(runs.map((r) => r.without)).toFixed(1)} ms at ${rev}; ratio ${medianPairRatio(runs).toFixed(3)} (median of ${pairs} per-pair ratios, fresh page per reading, order alternating)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  if (PROFILE) return profile(PROFILE);
  const bundle = await readerBundle();
  if (COLD_PAIRS > 0) {
    if (!AGAINST) throw new Error('--cold N needs --against REV');
    return compareCold(bundle, AGAINST, COLD_PAIRS);
  }
  const portals = readdirSync(join(REPO_ROOT, 'test/fixtures/portals'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `portals/${f}`);
  const pages = ['bench/portal-20k.html', 'bench/grid-200ms.html', ...portals];
  if (AGAINST) return compare(pages, bundle, AGAINST);
  const server = await startFixtureServer();
  const browser = await launchBrowser({ extensionDir: null });
  try {
    const page = await browser.context.newPage();
    const rows: string[] = [];
    rows.push(
      `${'page'.padEnd(34)}${'elements'.padStart(9)}${'first ms'.padStart(10)}${'median ms'.padStart(11)}  reading`,
    );
    for (const path of pages) {
      const t = await measure(page, server.url(path), bundle);
      rows.push(
        `${path.padEnd(34)}${String(t.elements).padStart(9)}${t.first.toFixed(2).padStart(10)}${t.median
          .toFixed(2)
          .padStart(11)}  ${t.reading}`,
      );
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    console.log(rows.join('\n'));
    console.log(`(median of ${RUNS} calls after the first; Chromium headless, no extension)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
