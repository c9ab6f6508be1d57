import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { launchInstrumented, launchPair, type Side, whenIdle } from '../../bench/measure/browsers';
import { measureLoads } from '../../bench/measure/load';
import { typeUnits } from '../../bench/measure/typing';
import { E2E_BUILD_DIR, launchBrowser } from '../support/browser';
import { REPO_ROOT, startFixtureServer } from '../support/server';

const run = promisify(execFile);

/** The figures `npm run bench -- --json` promises (bench/README.md). */
const KEYS = [
  'contentScriptGzipBytes',
  'loadRatio',
  'loadFloorRatio',
  'inputToWarningP95Ms',
  'inputToWarningP50Ms',
  'inputEchoP95Ms',
  'longTasksFromExtension',
  'gridFrameRatio',
  'gridExtScriptShare',
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
  // Where a keystroke's time goes (bench/README.md): the browser's input queue, with and without.
  const details = figures.details as {
    typing: { path: { queueP95Ms: number }; attributeFromDispatchP95Ms: number };
    echoWithout: { path: { queueP95Ms: number; echoFromDispatchP95Ms: number } };
  };
  for (const value of [
    details.typing.path.queueP95Ms,
    details.typing.attributeFromDispatchP95Ms,
    details.echoWithout.path.queueP95Ms,
    details.echoWithout.path.echoFromDispatchP95Ms,
  ])
    expect(Number.isFinite(value) && value >= 0, String(value)).toBe(true);
});

// The typing probe against a stand-in overlay (no extension): every keystroke is matched to
// its findings change and to a later frame, in causal order, whether the page updates the
// hook inside requestAnimationFrame or synchronously in the input handler.
for (const mode of ['raf', 'sync'] as const) {
  test(`the input-to-warning probe sees every keystroke (${mode} overlay)`, async () => {
    const server = await startFixtureServer();
    const browser = await launchBrowser({ extensionDir: null });
    try {
      await browser.context.addInitScript({
        content: readFileSync(join(REPO_ROOT, 'bench/inpage/instrument.js'), 'utf8'),
      });
      const page = await browser.context.newPage();
      await page.goto(server.url(`bench/fake-overlay.html${mode === 'sync' ? '?sync' : ''}`));
      await whenIdle(page, 50, 0);
      const timings = await typeUnits(page, 10, true);
      expect(timings).toHaveLength(10);
      for (const t of timings ?? []) {
        expect(t.missed).toBe(false);
        expect(t.changed).toBeGreaterThanOrEqual(t.key);
        expect(t.shown).toBeGreaterThanOrEqual(t.changed);
        expect(t.frames).toBeGreaterThanOrEqual(1);
        // The page's own echo of the keystroke is timed too, and an overlay that updates in the
        // input handler or in the next animation frame shows its warning in that same frame.
        expect(t.echo).toBeGreaterThanOrEqual(t.key);
        // The page sees the keystroke after the browser made it, and reacts after it sees it.
        expect(t.dispatched).toBeGreaterThanOrEqual(t.key);
        expect(t.changed).toBeGreaterThanOrEqual(t.dispatched);
        expect(t.echo).toBeGreaterThanOrEqual(t.dispatched);
        expect(t.echoFrames).toBeGreaterThanOrEqual(1);
        expect(t.frames).toBe(t.echoFrames);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

// With and without share one browser (bench/measure/scope.ts): the extension must run on the
// "with" origin and nowhere else, and a run whose "without" side shows our overlay must stop
// instead of reporting a ratio.
test('the bench pair runs the extension on 127.0.0.1 only, and refuses a "without" side where it runs', async () => {
  const server = await startFixtureServer();
  const origins = { with: server.origin, without: server.altOrigin };
  const pair = await launchPair(E2E_BUILD_DIR, origins);
  try {
    const load = await measureLoads(pair, 'bench/portal-20k.html', 1, 0, () => {});
    expect(load.overlaySeen).toBe(true);
  } finally {
    await pair.close();
  }
  // The unscoped build runs on localhost too: the same measurement must refuse it.
  const unscoped = await launchInstrumented(E2E_BUILD_DIR);
  try {
    const sides = {
      with: { name: 'with', browser: unscoped, origin: origins.with } satisfies Side,
      without: { name: 'without', browser: unscoped, origin: origins.without } satisfies Side,
    };
    await expect(measureLoads(sides, 'bench/portal-20k.html', 1, 0, () => {})).rejects.toThrow(
      /ran on the "without" side/,
    );
  } finally {
    await unscoped.close();
    await server.close();
  }
}, 120_000);
