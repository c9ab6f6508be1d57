import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchBrowser } from '../support/browser';
import { type FixtureServer, startFixtureServer } from '../support/server';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the built extension loads and its content script runs on a localhost page', async () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await browser.context.newPage();
  await page.goto(server.url('portals/smoke.html'));
  await page.waitForSelector('html[data-cg-loaded]', { timeout: 10_000 });
});
