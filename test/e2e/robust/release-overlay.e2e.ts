import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../support/server';
import {
  clickInOverlay,
  launchTrapped,
  type NetworkTrap,
  overlayShadowTree,
  RELEASE_TEST_BUILD_DIR,
  startNetworkTrap,
  type TrappedBrowser,
} from '../privacy/harness';

/**
 * Issue 6.4 against the release overlay: the `release-test` build ships the release bundles
 * byte for byte (test/unit/privacy/built-extension.test.ts proves it) with a manifest that
 * also runs on localhost. The page must not be able to read, style-inject or click into it,
 * and field text with markup must stay text.
 */
let server: FixtureServer;
let trap: NetworkTrap;
let browser: TrappedBrowser;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  // test/e2e/global-setup.ts builds release-test with the other builds.
  server = await startFixtureServer();
  trap = await startNetworkTrap();
  browser = await launchTrapped(trap, RELEASE_TEST_BUILD_DIR);
  page = await browser.context.newPage();
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await trap?.close();
  await server?.close();
});

async function openFixture(path: string): Promise<void> {
  await page.goto(server.url(path));
  await page.waitForSelector('charge-guard-overlay', { state: 'attached', timeout: 15_000 });
}

const pwned = () => page.evaluate(() => (window as unknown as { cgPwned: number }).cgPwned);

test('the page cannot open the overlay: its shadow root is closed', async () => {
  await openFixture('hostile/payloads.html');
  expect(await page.evaluate(() => document.querySelector('charge-guard-overlay')?.shadowRoot)).toBeNull();
  expect((await overlayShadowTree(page))?.mode).toBe('closed');
});

test('the release build writes nothing into the page but its overlay host', async () => {
  const marks = await page.evaluate(() => ({
    html: [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-cg')),
    elements: [...document.querySelectorAll('*')]
      .filter((el) => el.tagName !== 'CHARGE-GUARD-OVERLAY')
      .flatMap((el) => [...el.attributes].map((a) => a.name))
      .filter((name) => name.startsWith('data-cg')),
  }));
  expect(marks).toEqual({ html: [], elements: [] });
});

test('the page is posted no message: no window message names the extension or its content script', async () => {
  const watched = await browser.context.newPage();
  try {
    // Installed before any content script runs (document_idle), in the page's own world.
    await watched.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cgMessages: string[] }).cgMessages = seen;
      addEventListener('message', (event) => {
        try {
          seen.push(JSON.stringify(event.data) ?? String(event.data));
        } catch {
          seen.push(String(event.data));
        }
      });
    });
    await watched.goto(server.url('hostile/payloads.html'));
    await watched.waitForSelector('charge-guard-overlay', { state: 'attached', timeout: 15_000 });
    // Not vacuous: the page's own message is heard.
    await watched.evaluate(() => postMessage('page probe', '*'));
    await expect
      .poll(() => watched.evaluate(() => (window as unknown as { cgMessages: string[] }).cgMessages))
      .toContain('"page probe"');
    const messages = await watched.evaluate(() => (window as unknown as { cgMessages: string[] }).cgMessages);
    expect(messages.filter((m) => m.includes(browser.extensionId) || /wxt|charge.?guard/i.test(m))).toEqual(
      [],
    );
  } finally {
    await watched.close();
  }
});

test('field values carrying markup and script render as inert text', async () => {
  const tree = await overlayShadowTree(page);
  expect(tree).not.toBeNull();
  const nodes = tree?.nodes ?? [];
  // Not vacuous: the payloads are on screen, as text (the minutes verbatim, the rest as read).
  const text = nodes.map((n) => n.nodeValue).join('\n');
  expect(text).toContain('<svg onload=cgPwned++>');
  expect(text).toMatch(/"><script>/i);
  expect(text).toMatch(/<img/i);
  // And nothing of them became an element or a handler.
  expect(nodes.filter((n) => ['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(n.nodeName))).toEqual(
    [],
  );
  const handlers = nodes.flatMap((n) => n.attributes.filter((a, i) => i % 2 === 0 && /^on/i.test(a)));
  expect(handlers).toEqual([]);
  expect(await pwned()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('the page cannot press Submit anyway; a person can', async () => {
  await openFixture('hostile/payloads.html');
  await page.locator('#submit').click();
  await expect
    .poll(async () =>
      (await overlayShadowTree(page))?.nodes.some((n) => n.attributes.includes('submit-anyway')),
    )
    .toBe(true);
  expect(await page.locator('#status').textContent()).toBe('');
  // Everything a script on the page can do to the overlay: the host is all it can reach.
  await page.evaluate(() => {
    const host = document.querySelector('charge-guard-overlay') as HTMLElement;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    host.focus();
  });
  await page.waitForTimeout(300);
  expect(await page.locator('#status').textContent()).toBe('');

  await clickInOverlay(page, '[data-cg-guard="submit-anyway"]');
  await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted');
});

test('removing the overlay host brings it back on the next change', async () => {
  await openFixture('hostile/payloads.html');
  await page.evaluate(() => document.querySelector('charge-guard-overlay')?.remove());
  expect(await page.locator('charge-guard-overlay').count()).toBe(0);
  await page.locator('input[name=units]').fill('3');
  await page.waitForSelector('charge-guard-overlay', { state: 'attached', timeout: 5_000 });
  expect(await page.locator('charge-guard-overlay').count()).toBe(1);
  expect((await overlayShadowTree(page))?.nodes.length).toBeGreaterThan(1);
});

test('no payload ever ran, no dialog opened, nothing left the browser', async () => {
  expect(await pwned()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(trap.seen()).toEqual([]);
});
