import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FixtureServer, REPO_ROOT, startFixtureServer } from '../../support/server';
import {
  contentScriptStarted,
  fixturePages,
  foreignRequests,
  launchTrapped,
  type NetworkTrap,
  type RecordedRequest,
  recordRequests,
  startNetworkTrap,
  type TrappedBrowser,
} from './harness';

/**
 * Issue 6.1: the extension makes no network request. Every fixture page, the demo portal,
 * the popup and the options page are used the way a biller would, while two witnesses
 * listen: the DevTools protocol (pages, frames, extension pages, service worker) and a trap
 * proxy in front of everything that is not loopback.
 */
let server: FixtureServer;
let demo: FixtureServer | null = null;
let trap: NetworkTrap;
let browser: TrappedBrowser;
let requests: RecordedRequest[];
let page: Page;

const DEMO_ROOT = join(REPO_ROOT, 'examples/demo-portal');

beforeAll(async () => {
  server = await startFixtureServer();
  if (existsSync(join(DEMO_ROOT, 'index.html'))) demo = await startFixtureServer(DEMO_ROOT);
  trap = await startNetworkTrap();
  browser = await launchTrapped(trap);
  requests = recordRequests(browser.context);
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await trap?.close();
  await server?.close();
  await demo?.close();
});

function foreign(): string[] {
  const fromFixtures = foreignRequests(requests, server, browser.extensionId);
  return demo
    ? foreignRequests(requests, demo, browser.extensionId).filter((r) => fromFixtures.includes(r))
    : fromFixtures;
}

/** Clicks up to `limit` visible controls, briefly each: a control that will not take a click is skipped. */
async function pressVisible(target: Page, selector: string, limit: number): Promise<void> {
  const controls = target.locator(selector);
  const count = Math.min(await controls.count(), limit);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (await control.isVisible().catch(() => false))
      await control.click({ timeout: 500, noWaitAfter: true }).catch(() => undefined);
  }
}

/**
 * Types into the charge fields (those the e2e build marked, else the first few inputs) and
 * presses the overlay's panel buttons (fixes, payer choice, collapse), as a biller would.
 */
async function useLikeABiller(target: Page): Promise<void> {
  const marked = target.locator('input[data-cg-role], textarea[data-cg-role]');
  const fields = (await marked.count())
    ? marked
    : target.locator(
        'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=file]), textarea',
      );
  const count = Math.min(await fields.count(), 5);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isEditable({ timeout: 500 }).catch(() => false))) continue;
    await field.press('End', { timeout: 1_000 }).catch(() => undefined);
    await field.pressSequentially('1', { timeout: 1_000 }).catch(() => undefined);
    await field.press('Backspace', { timeout: 1_000 }).catch(() => undefined);
  }
  await target.waitForTimeout(150);
  await pressVisible(target, 'charge-guard-overlay .cg-panel button', 4);
}

test('positive control: both witnesses report a request to a foreign host', async () => {
  await page.goto(server.url('portals/smoke.html'));
  await page.evaluate(() =>
    fetch('http://cg-canary.invalid/ping', { mode: 'no-cors' }).catch(() => undefined),
  );
  await expect.poll(() => foreign().some((r) => r.startsWith('http://cg-canary.invalid/ping'))).toBe(true);
  await expect.poll(() => trap.seen().some((url) => url.includes('cg-canary.invalid'))).toBe(true);
  requests.length = 0;
  trap.clear();
});

test.each(fixturePages('portals', 'hostile'))(
  'fixture page %s, used end to end, loads nothing from outside its own origin',
  async (path) => {
    await page.goto(server.url(path));
    await contentScriptStarted(page);
    await useLikeABiller(page);
    expect(foreign()).toEqual([]);
  },
);

test('the demo portal, used end to end, loads nothing from outside its own origin', async ({ skip }) => {
  if (!demo) skip('examples/demo-portal has not landed');
  await page.goto(demo!.url('index.html'));
  await contentScriptStarted(page);
  await useLikeABiller(page);
  expect(foreign()).toEqual([]);
});

test('submitting a checked form sends nothing but the page’s own form post', async () => {
  await page.goto(server.url('portals/smoke.html'));
  await contentScriptStarted(page);
  await page.locator('button[type=submit], input[type=submit]').first().click();
  await page.waitForLoadState('load');
  // A second click passes a submit guard, if one stopped the first.
  if (page.url().startsWith(server.url('portals/smoke.html')) && !page.url().includes('?')) {
    await page
      .locator('button[type=submit], input[type=submit]')
      .first()
      .click()
      .catch(() => undefined);
  }
  expect(foreign()).toEqual([]);
});

test.each(['popup.html', 'options.html'])(
  'the %s page, used end to end, requests only its own files',
  async (file) => {
    const before = requests.length;
    await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
    await page.waitForLoadState('load');
    await useLikeABiller(page);
    await pressVisible(page, 'button', 10);
    expect(requests.length).toBeGreaterThan(before);
    expect(foreign()).toEqual([]);
  },
);

test('extension pages cannot reach the network even if code tried (CSP connect-src none)', async () => {
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const result = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'reached',
        () => 'blocked',
      ),
    server.url('canary-popup'),
  );
  expect(result).toBe('blocked');
  expect(server.requests).not.toContain('/canary-popup');
});

test('the service worker cannot reach the network even if code tried (CSP connect-src none)', async () => {
  const worker = await browser.serviceWorker();
  const result = await worker.evaluate(
    (url) =>
      fetch(url).then(
        () => 'reached',
        () => 'blocked',
      ),
    server.url('canary-worker'),
  );
  expect(result).toBe('blocked');
  expect(server.requests).not.toContain('/canary-worker');
});

test('nothing, from any part of the browser session, went past loopback', () => {
  expect(trap.seen()).toEqual([]);
  expect(requests.filter((r) => r.from.startsWith('service worker')).map((r) => r.url)).toEqual([]);
});
