/**
 * `npm run demo`: builds the e2e extension, serves the bundled demo portal on 127.0.0.1, opens
 * it in Chromium with Charge Guard loaded, waits for the findings, prints what was read and
 * found, and saves a screenshot. Headless by default; `--headed` keeps a window open until
 * you close it. Options: `--out FILE` (default ./demo-screenshot.png), `--skip-build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { checkClaim, type Finding } from '../src/core';
import { detectPayerFromText } from '../src/core/profile';
import { fixLabel } from '../src/overlay/summary';
import { launchBrowser } from '../test/support/browser';
import { REPO_ROOT, startFixtureServer } from '../test/support/server';

const HOST = 'charge-guard-overlay';

interface ShownFinding {
  rule: string;
  severity: string;
  line?: number;
}

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run demo -- [--headed] [--out FILE] [--skip-build] [--screenshots DIR]`,
  );
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        headed: { type: 'boolean', default: false },
        out: { type: 'string', default: 'demo-screenshot.png' },
        'skip-build': { type: 'boolean', default: false },
        /** Also (re)take the README screenshots into this folder (assets/screenshots in the repo). */
        screenshots: { type: 'string' },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
}

const text = (v: unknown): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v);
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

function printClaim(claim: Record<string, unknown> & { lines: Record<string, unknown>[] }): void {
  console.log('\nClaim read from the page');
  console.log(
    `  Payer: ${text(claim.payer) || '(none)'}   Date of service: ${text(claim.dateOfService) || '(per line)'}   POS: ${text(claim.placeOfService) || '(per line)'}`,
  );
  const dx = Array.isArray(claim.diagnoses) ? claim.diagnoses : [];
  console.log(
    `  Diagnoses: ${dx.map((d, i) => `${String.fromCharCode(65 + i)} ${text(d) || '—'}`).join('   ') || '(none)'}`,
  );
  console.log(
    `  ${pad('Line', 6)}${pad('Code', 8)}${pad('Modifiers', 12)}${pad('Minutes', 9)}${pad('Units', 7)}${pad('Dx ptr', 8)}Charge`,
  );
  claim.lines.forEach((l, i) => {
    console.log(
      `  ${pad(String(i + 1), 6)}${pad(text(l.code), 8)}${pad(text(l.modifiers) || '—', 12)}${pad(text(l.minutes), 9)}${pad(text(l.units), 7)}${pad(text(l.dxPointers), 8)}${text(l.charge)}`,
    );
  });
}

function printFindings(findings: Finding[]): void {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const n = (severity: string, one: string, many: string) =>
    `${count(severity)} ${count(severity) === 1 ? one : many}`;
  console.log(
    `\nFindings: ${n('error', 'error', 'errors')}, ${n('warning', 'warning', 'warnings')}, ${n('info', 'note', 'notes')}`,
  );
  for (const f of findings) {
    const where =
      f.line !== undefined
        ? `line ${f.line + 1}`
        : f.diagnosis !== undefined
          ? `dx ${String.fromCharCode(65 + f.diagnosis)}`
          : 'claim';
    console.log(`\n  ${pad(f.severity.toUpperCase(), 8)}${pad(where, 8)}${f.rule}`);
    console.log(`          ${f.message}`);
    console.log(`          Source: ${f.source}${f.dataVersion ? ` (data ${f.dataVersion})` : ''}`);
    if (f.fix) console.log(`          One-click fix: ${fixLabel(f.fix)}`);
  }
}

async function openPanel(page: Page): Promise<void> {
  if ((await page.locator(`${HOST} .cg-panel`).getAttribute('data-cg-panel')) !== 'open') {
    await page.locator(`${HOST} .cg-toggle`).click();
  }
  await page.locator(`${HOST} .cg-body`).waitFor();
}

/** The README's pictures: the overlay and panel on two fixture portals, and the submit guard. */
async function readmeScreenshots(context: BrowserContext, demoUrl: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const fixtures = await startFixtureServer();
  const page = await context.newPage();
  const settle = () => page.waitForTimeout(250); // badges are placed on the next animation frame
  try {
    const shots: [file: string, url: string, pose: () => Promise<void>][] = [
      [
        'overlay-cms1500.png',
        fixtures.url('portals/cms1500.html'),
        async () => {
          // Panel collapsed, a badge's reason and fix open on hover: the everyday view.
          await page.locator(`${HOST} [data-cg-badge~="units/exceeds-minutes"] .cg-badge`).hover();
        },
      ],
      [
        'overlay-react-controlled.png',
        fixtures.url('portals/react-controlled.html'),
        async () => {
          await openPanel(page);
        },
      ],
      [
        'guard-demo-portal.png',
        demoUrl,
        async () => {
          await page.locator('#submit-charges').click();
          await page.locator(`${HOST} .cg-guard`).waitFor();
        },
      ],
    ];
    for (const [file, url, pose] of shots) {
      await page.goto(url);
      await page.waitForSelector(`${HOST}[data-cg-findings]`, { state: 'attached', timeout: 15_000 });
      await settle();
      await pose();
      await settle();
      await page.screenshot({ path: join(dir, file) });
      console.log(`README screenshot: ${join(dir, file)}`);
    }
  } finally {
    await page.close();
    await fixtures.close();
  }
}

async function main(): Promise<void> {
  const args = parse();
  const out = resolve(process.cwd(), args.out);
  if (!args['skip-build']) {
    console.log('Building the extension (wxt build --mode e2e)…');
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  execFileSync('node', [join(REPO_ROOT, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' });

  const server = await startFixtureServer(join(REPO_ROOT, 'examples/demo-portal'));
  const browser = await launchBrowser({ headless: !args.headed, viewport: { width: 1280, height: 900 } });
  try {
    let allSame = true;
    // The OT visit goes last so the window (and the screenshot) shows it with its panel open.
    const visits: [string, string][] = [
      ['PT visit', 'pt.html'],
      ['OT visit', 'index.html'],
    ];
    const page = await browser.context.newPage();
    for (const [title, path] of visits) {
      const url = server.url(path);
      console.log(`\n━━ ${title}: ${url}`);
      await page.goto(url);
      const host = await page.waitForSelector(`${HOST}[data-cg-findings]`, {
        state: 'attached',
        timeout: 15_000,
      });
      const claim = JSON.parse((await host.getAttribute('data-cg-claim')) ?? 'null');
      const shown: ShownFinding[] = JSON.parse((await host.getAttribute('data-cg-findings')) ?? '[]');

      // The overlay's hooks carry rule ids only; the same core on the same claim gives the full
      // findings (message, source, fix). Say so loudly if they ever disagree.
      const payer = typeof claim.payer === 'string' ? detectPayerFromText(claim.payer) : null;
      const findings = checkClaim(claim, { profile: payer ?? 'medicare' });
      const key = (f: ShownFinding) => `${f.rule}|${f.line ?? ''}`;
      const same = JSON.stringify(findings.map(key).sort()) === JSON.stringify(shown.map(key).sort());
      allSame &&= same;

      printClaim(claim);
      printFindings(findings);
      if (!same) console.error(`\nWarning: the overlay shows different findings: ${JSON.stringify(shown)}`);
    }

    await openPanel(page);
    await page.waitForTimeout(150); // badges are placed on the next animation frame
    await page.screenshot({ path: out });
    console.log(`\nScreenshot: ${out}`);

    if (args.screenshots) {
      await readmeScreenshots(
        browser.context,
        server.url('index.html'),
        resolve(process.cwd(), args.screenshots),
      );
    }

    if (args.headed) {
      console.log('The window stays open; close it to finish.');
      await new Promise<void>((done) => {
        page.on('close', () => done());
        browser.context.on('close', () => done());
      });
    }
    if (!allSame) process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exit(1);
});
