import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../support/server';
import {
  contentScriptStarted,
  findingsInclude,
  launchTrapped,
  type NetworkTrap,
  overlayState,
  startNetworkTrap,
  type TrappedBrowser,
} from '../privacy/harness';

/**
 * Issue 6.4 with the e2e build, whose overlay root is open so a hostile page can reach the
 * buttons: only a person's (trusted) click may release a held submit, and a page that breaks
 * the built-ins cannot break the content script, which runs in an isolated world.
 */
let server: FixtureServer;
let trap: NetworkTrap;
let browser: TrappedBrowser;
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  trap = await startNetworkTrap();
  browser = await launchTrapped(trap);
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await trap?.close();
  await server?.close();
});

test('synthetic clicks and key presses (isTrusted false) cannot press Submit anyway', async () => {
  await page.goto(server.url('hostile/fail-open.html'));
  await contentScriptStarted(page);
  expect(await findingsInclude(page, 'modifier/discipline-missing')).toBe(true);
  await page.locator('#submit').click();
  const button = page.locator('charge-guard-overlay [data-cg-guard="submit-anyway"]');
  await button.waitFor({ timeout: 5_000 });

  const reached = await page.evaluate(() => {
    const host = document.querySelector('charge-guard-overlay');
    const target = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-cg-guard="submit-anyway"]');
    if (!target) return false;
    target.click();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    target.form?.requestSubmit();
    return true;
  });
  expect(reached).toBe(true);
  await page.waitForTimeout(300);
  expect(await page.locator('#status').textContent()).toBe('');

  await button.click();
  await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted 1');
});

async function findingsOn(path: string): Promise<string[]> {
  await page.goto(server.url(path));
  await contentScriptStarted(page);
  expect(await findingsInclude(page, 'units/exceeds-minutes')).toBe(true);
  return (await overlayState(page))?.findings ?? [];
}

test('a page that patches Array, JSON, querySelector, addEventListener and more does not change what the extension finds', async () => {
  const control = await findingsOn('hostile/patched-builtins.html?patch=0');
  expect(control).toEqual(expect.arrayContaining(['modifier/discipline-missing', 'units/exceeds-minutes']));

  const patched = await findingsOn('hostile/patched-builtins.html');
  expect(await page.getAttribute('html', 'data-page-patched')).toBe('yes');
  expect(patched).toEqual(control);

  // It still follows the biller's typing, and the page's own submit still works once past the guard.
  await page.locator('input[name=mod]').fill('GO');
  await expect
    .poll(async () => (await overlayState(page))?.findings ?? [])
    .not.toContain('modifier/discipline-missing');
  await page.locator('input[name=minutes]').fill('45');
  await expect
    .poll(async () => (await overlayState(page))?.findings ?? [])
    .not.toContain('units/exceeds-minutes');
  await page.locator('#submit').click();
  await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted 1');
});
