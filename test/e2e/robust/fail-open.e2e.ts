import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../support/server';
import {
  contentScriptStarted,
  findingsInclude,
  launchTrapped,
  type NetworkTrap,
  recordConsole,
  startNetworkTrap,
  type TrappedBrowser,
} from '../privacy/harness';

/**
 * Issue 6.3: fail open. With each part of the extension made to throw (the e2e build's fault
 * switch, src/fault.ts), the page's own scripts and submit work exactly as without it, nothing
 * surfaces to the page, and the extension recovers on the next change once the fault is gone.
 */
let server: FixtureServer;
let trap: NetworkTrap;
let browser: TrappedBrowser;
let page: Page;
let dialogs: string[];
let consoleLines: string[];

beforeAll(async () => {
  server = await startFixtureServer();
  trap = await startNetworkTrap();
  browser = await launchTrapped(trap);
  consoleLines = recordConsole(browser.context);
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

async function pageErrors(target: Page): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors);
}

test('control: without a fault the extension checks the line and holds a submit with errors', async () => {
  await page.goto(server.url('hostile/fail-open.html'));
  await contentScriptStarted(page);
  expect(await findingsInclude(page, 'modifier/discipline-missing')).toBe(true);
  await page.locator('#submit').click();
  await page.locator('charge-guard-overlay [data-cg-guard="submit-anyway"]').waitFor({ timeout: 5_000 });
  expect(await page.locator('#status').textContent()).toBe('');
});

test.each(['reader', 'core', 'overlay', 'reader core overlay'])(
  'fault in %s: the page works as without the extension, then the extension recovers',
  async (fault) => {
    await page.goto(server.url(`hostile/fail-open.html?fault=${encodeURIComponent(fault)}`));
    await contentScriptStarted(page);
    expect(await page.getAttribute('html', 'data-cg-fault')).toBe(fault);

    // The page's own input handling and its submit, untouched.
    await page.locator('input[name=units]').fill('3');
    expect(await page.locator('#echo').textContent()).toBe('90');
    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted 1');
    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted 2');
    expect(await pageErrors(page)).toEqual([]);
    expect(dialogs).toEqual([]);

    // The fault is gone: the next change brings the checks back.
    await page.evaluate(() => document.documentElement.removeAttribute('data-cg-fault'));
    await page.locator('input[name=minutes]').fill('45');
    expect(await findingsInclude(page, 'modifier/discipline-missing')).toBe(true);
    expect(await pageErrors(page)).toEqual([]);
  },
);

test('a fault never reaches the console as an uncaught error', () => {
  expect(consoleLines.filter((line) => /Uncaught|pageerror/i.test(line))).toEqual([]);
});
