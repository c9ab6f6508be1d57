import { readFile } from 'node:fs/promises';
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
 * fixed with one click, submitted past the guard with a reason, and taught field by field;
 * the popup calculator is used and settings exported. Then every place the extension could
 * keep something is dumped and searched for the page's values.
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

/** What the popup's "Teach a field" does: inject the picker into the tab's top frame. */
async function startTeaching(url: string): Promise<void> {
  await (await browser.serviceWorker()).evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
    const [tab] = await api.tabs.query({ url: pageUrl });
    await api.scripting.executeScript({
      target: { tabId: tab?.id ?? -1, frameIds: [0] },
      files: ['/teach.js'],
    });
  }, url);
}
interface TabsApi {
  tabs: {
    query(q: { url?: string }): Promise<{ id?: number }[]>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; frameIds: number[] };
      files: string[];
    }): Promise<unknown>;
  };
}

test('fields are taught by pointing at them, including one that holds the patient’s name', async () => {
  // Fold the panel away from the fields first, as a biller would.
  const collapse = page.locator('charge-guard-overlay .cg-panel .cg-toggle[aria-expanded="true"]');
  if (await collapse.count()) await collapse.click();
  // The page's URL without its fragment, as tabs.query matches it.
  await startTeaching(page.url().replace(/#.*$/, ''));
  const picker = page.locator('charge-guard-teach');
  await picker.locator('.bar').waitFor({ timeout: 5_000 });
  // A biller's slip: teaching the patient-name box as the payer. Its selector must not carry the name.
  await page.click('input[name=patient_name]');
  await picker.getByLabel('Role').selectOption('payer');
  await picker.getByRole('button', { name: 'Save field' }).click();
  await expect.poll(() => picker.locator('.bar').textContent()).toContain('Saved');
  await page.click('input[name="line[1][minutes]"]');
  await picker.getByLabel('Role').selectOption('minutes');
  await picker.getByLabel('Service line (1 = first line)').fill('2');
  await picker.getByRole('button', { name: 'Save field' }).click();
  await expect.poll(() => picker.locator('.bar').textContent()).toContain('Minutes, line 2');
  await page.keyboard.press('Escape');
  await expect.poll(() => picker.count()).toBe(0);
  // Not vacuous: the mappings are stored.
  expect(await dumpExtensionStorage(await browser.serviceWorker())).toContain('patient_name');
});

test('the popup calculator keeps none of the minutes typed into it', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('input[data-field="code"]').first().fill('97535');
  await popup.locator('input[data-field="minutes"]').first().fill('67');
  await popup.waitForTimeout(300);
  await popup.close();
  const storage = await dumpExtensionStorage(await browser.serviceWorker());
  expect(leakedValues(storage, { text: [], tokens: ['97535', '67'] })).toEqual([]);
});

test('exported settings and the exported override log hold no page value', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const files: string[] = [];
  for (const name of ['Export settings', 'Export CSV']) {
    const download = options.waitForEvent('download', { timeout: 5_000 });
    await options.getByRole('button', { name }).click();
    const path = await (await download).path();
    files.push(await readFile(path, 'utf8'));
  }
  await options.close();
  // Not vacuous: the exports carry the override and the taught mapping.
  expect(files.join('\n')).toContain(REASON);
  expect(files[0]).toContain('patient_name');
  expect(leakedValues(files.join('\n'), PATIENT)).toEqual([]);
  expect(files.join('\n')).not.toMatch(/member=|#dob/);
});

test('the override was logged (the dump below is not vacuous), with the reason and the rule only', async () => {
  const storage = await dumpExtensionStorage(await browser.serviceWorker());
  expect(storage).toContain(REASON);
  expect(storage).toMatch(/units\/exceeds-minutes|units\/[a-z-]+|modifier\/[a-z-]+/);
});

test('no storage area of the extension holds a value read from the page or its URL', async () => {
  const storage = await dumpExtensionStorage(await browser.serviceWorker());
  expect(leakedValues(storage, PATIENT)).toEqual([]);
  // Sites are host names; taught pages are path patterns: never the query or the fragment.
  expect(storage).not.toMatch(/member=|#dob/);
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
