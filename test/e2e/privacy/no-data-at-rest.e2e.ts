import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../support/server';
import {
  contentScriptStarted,
  dumpExtensionStorage,
  dumpPageStorage,
  launchTrapped,
  leakedValues,
  type NetworkTrap,
  overlayState,
  recordConsole,
  startNetworkTrap,
  type TrappedBrowser,
} from './harness';

/**
 * Issue 6.2: no patient data at rest. A claim full of distinctive identifiers is checked,
 * fixed with one click and submitted past the guard with a reason; then every place the
 * extension could keep something is dumped and searched for the page's values.
 */
const PATIENT = {
  // Identifiers on the page, in its title and in its URL.
  text: [
    'XQZ9981234',
    'Quartermaine',
    'Zebulon',
    'Vanterpool',
    'Ophelia',
    '03/17/1941',
    '1941-03-17',
    // Diagnoses, in the page's form and the normalised one.
    'M25.661',
    'M25661',
    'S83.512A',
    'S83512A',
    'R26.89',
    'R2689',
    // Charges.
    '187.43',
    '261.19',
    '144.71',
    '52.37',
    '645.70',
  ],
  // Procedure codes and minutes, as whole tokens.
  tokens: ['97165', '97535', '97530', '97112', '53', '67', '41', '19'],
};
const PAGE = 'hostile/patient-claim.html?member=XQZ9981234&patient=Zebulon%20Quartermaine#dob=1941-03-17';
/** What a biller types as the override reason: a note, no patient details (the field says so). */
const REASON = 'separate time blocks documented';

let server: FixtureServer;
let trap: NetworkTrap;
let browser: TrappedBrowser;
let consoleLines: string[];
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  trap = await startNetworkTrap();
  browser = await launchTrapped(trap);
  consoleLines = recordConsole(browser.context);
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await trap?.close();
  await server?.close();
});

test('the claim is checked, fixed with one click and submitted past the guard with a reason', async () => {
  await page.goto(server.url(PAGE));
  await contentScriptStarted(page);
  await expect
    .poll(async () => (await overlayState(page))?.findings ?? [], { timeout: 10_000 })
    .toContain('modifier/discipline-missing');
  const overlay = page.locator('charge-guard-overlay');
  const toggle = overlay.locator('.cg-panel .cg-toggle[aria-expanded="false"]');
  if (await toggle.count()) await toggle.click();
  await overlay.locator('.cg-panel [data-cg-fix="modifier/discipline-missing"]').click();
  await expect
    .poll(async () => (await overlayState(page))?.findings ?? [])
    .not.toContain('modifier/discipline-missing');

  // The biller corrects line 3's minutes to 4, which leaves more units billed than minutes
  // support: submit is held while that error remains.
  await page.locator('input[name="line[2][minutes]"]').fill('4');
  await expect
    .poll(async () => (await overlayState(page))?.findings ?? [])
    .toContain('units/exceeds-minutes');
  await page.locator('#submit-claim').click();
  const guard = overlay.locator('[data-cg-guard="submit-anyway"]');
  await guard.waitFor({ timeout: 5_000 });
  await overlay.locator('.cg-guard input').fill(REASON);
  await guard.click();
  await expect.poll(() => page.locator('#status').textContent()).toBe('Submitted');
});

test('the override was logged (the dump below is not vacuous), with the reason and the rule only', async () => {
  const storage = await dumpExtensionStorage(await browser.serviceWorker());
  expect(storage).toContain(REASON);
  expect(storage).toMatch(/units\/exceeds-minutes|units\/[a-z-]+|modifier\/[a-z-]+/);
});

test('no storage area of the extension holds a value read from the page or its URL', async () => {
  const storage = await dumpExtensionStorage(await browser.serviceWorker());
  expect(leakedValues(storage, PATIENT)).toEqual([]);
  // The site is kept as a host name, never the page's path, query or fragment.
  expect(storage).not.toMatch(/patient-claim|member=|#dob/);
});

test('the extension leaves nothing in the page origin’s storage', async () => {
  expect(await dumpPageStorage(page)).toBe(
    JSON.stringify({ localStorage: {}, sessionStorage: {}, cookie: '', indexedDB: [], caches: [] }),
  );
});

test('extension pages keep nothing in their own web storage', async () => {
  const popup = await browser.context.newPage();
  for (const file of ['popup.html', 'options.html']) {
    await popup.goto(`chrome-extension://${browser.extensionId}/${file}`);
    await popup.waitForLoadState('load');
    expect(leakedValues(await dumpPageStorage(popup), PATIENT)).toEqual([]);
  }
  await popup.close();
});

test('no console message, from the page or the service worker, carries a page value', async () => {
  // Positive control: the recorder hears both the page and the worker.
  await page.evaluate(() => console.log('cg-probe-page'));
  await (await browser.serviceWorker()).evaluate(() => console.log('cg-probe-worker'));
  await expect.poll(() => consoleLines.join('\n')).toMatch(/cg-probe-page[\s\S]*cg-probe-worker/);
  expect(leakedValues(consoleLines.join('\n'), PATIENT)).toEqual([]);
});

test('nothing left the browser while all this happened', () => {
  expect(trap.seen()).toEqual([]);
});
