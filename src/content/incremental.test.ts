// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { checkClaim } from '../core';
import { applyFix, readPage, watchPage } from '../page';
import { updateReading } from '../page/update';
import type { Ports } from './ports';
import { type Session, startSession } from './session';

/**
 * Typing with the real page layer and core behind the session: an edit to a field already read
 * is checked without reading the page again, gives the claim a full reading would, and a page
 * whose structure changes is still read in full.
 */

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
let scope: AbortController;
let ports: Ports;
let session: Session;

const row = (code: string, units: string, minutes: string) =>
  `<tr><td><input name="cpt" value="${code}"></td><td><input name="mod" value="GP"></td>` +
  `<td><input name="units" value="${units}"></td><td><input name="minutes" value="${minutes}"></td></tr>`;

beforeEach(async () => {
  document.body.innerHTML =
    '<form><label>Search patients <input type="search" name="q"></label>' +
    '<label for="dx">Diagnosis A</label><input id="dx" name="dxA" value="M17.11">' +
    '<table><thead><tr><th>CPT</th><th>Modifier</th><th>Units</th><th>Minutes</th></tr></thead>' +
    `<tbody id="rows">${row('97110', '2', '30')}${row('97140', '1', '15')}</tbody></table>` +
    '<button type="submit">Submit charges</button></form>';
  scope = new AbortController();
  ports = {
    readPage: vi.fn(readPage),
    updateReading: vi.fn(updateReading),
    watchPage,
    applyFix,
    markForE2E: () => {},
    checkClaim: vi.fn((input, options) => checkClaim(input, { profile: options.profile })),
    loadSettings: async () => ({
      run: true,
      profileId: null,
      customProfiles: [],
      page: { taught: [] },
      tables: undefined,
    }),
    onSettingsChanged: () => {},
    recordOverride: async () => {},
  };
  session = await startSession(
    {
      doc: document,
      win: window,
      signal: scope.signal,
      siteUrl: 'https://ehr.example/',
      siteName: 'ehr.example',
      shadowMode: 'open',
    },
    ports,
  );
});
afterEach(() => scope.abort());

/** Errors and warnings (notes such as a missing date of service are not what these tests are about). */
const problems = () => session.status().counts.error + session.status().counts.warning;
function addRow(html: string) {
  // Parsed in a tbody's context: a <tr> given to insertAdjacentHTML loses its table wrappers in happy-dom.
  const body = document.createElement('tbody');
  body.innerHTML = html;
  document.getElementById('rows')!.append(...Array.from(body.children));
}
function typeInto(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const units = (line: number) => document.querySelectorAll<HTMLInputElement>('input[name=units]')[line]!;
const lastChecked = () => vi.mocked(ports.checkClaim).mock.lastCall?.[0];

test('typing into a field already read re-checks without reading the page again, with the claim a full reading gives', async () => {
  expect(ports.readPage).toHaveBeenCalledTimes(1);
  expect(problems()).toBe(0);
  typeInto(units(1), '9'); // 9 units for 15 minutes
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(1);
  expect(ports.updateReading).toHaveBeenCalledTimes(1);
  expect(lastChecked()).toEqual(readPage(document, { taught: [] })?.claim);
  const findings = checkClaim(lastChecked(), {});
  expect(findings.map((f) => [f.rule, f.line])).toContainEqual(['units/exceeds-minutes', 1]);
  expect(problems()).toBeGreaterThan(0);

  typeInto(units(1), '1');
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(1);
  expect(lastChecked()).toEqual(readPage(document, { taught: [] })?.claim);
  expect(problems()).toBe(0);
});

test('an edit that changes no value (a change event after input, a re-render) checks nothing', async () => {
  const checks = vi.mocked(ports.checkClaim).mock.calls.length;
  units(0).dispatchEvent(new Event('change', { bubbles: true }));
  await frame();
  expect(vi.mocked(ports.checkClaim).mock.calls.length).toBe(checks);
  expect(ports.readPage).toHaveBeenCalledTimes(1);
});

test('a new row, and typing into a field that was not read, read the whole page', async () => {
  addRow(row('97530', '2', '30'));
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(2);
  expect(vi.mocked(ports.checkClaim).mock.lastCall?.[0]).toMatchObject({ lines: { length: 3 } });

  typeInto(document.querySelector<HTMLInputElement>('input[type=search]')!, 'smith');
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(3);
});

test('an edit and a structural change in the same frame read the page once, in full', async () => {
  typeInto(units(0), '3');
  addRow(row('97530', '2', '30'));
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(2);
  expect(ports.updateReading).not.toHaveBeenCalled();
  expect(lastChecked()).toEqual(readPage(document, { taught: [] })?.claim);
});

test('an in-place update that must give up (a code emptied) falls back to a full reading', async () => {
  typeInto(document.querySelector<HTMLInputElement>('input[name=cpt]')!, '');
  await frame();
  expect(ports.updateReading).toHaveBeenCalledTimes(1);
  expect(ports.readPage).toHaveBeenCalledTimes(2);
  expect(lastChecked()).toEqual(readPage(document, { taught: [] })?.claim);
});

test('a one-click fix after typing writes the field and the next check sees it', async () => {
  const mod = document.querySelectorAll<HTMLInputElement>('input[name=mod]')[0]!;
  typeInto(mod, '');
  await frame();
  expect(ports.readPage).toHaveBeenCalledTimes(1);
  expect(lastChecked()).toEqual(readPage(document, { taught: [] })?.claim);
  expect(session.status().counts.error).toBeGreaterThan(0);
  const shadow = document.querySelector('charge-guard-overlay')!.shadowRoot!;
  shadow.querySelector<HTMLButtonElement>('.cg-toggle')!.click();
  shadow.querySelector<HTMLButtonElement>('[data-cg-fix="modifier/discipline-missing"]')!.click();
  expect(mod.value).toBe('GP');
  expect(session.status().counts.error).toBe(0);
  await frame();
  expect(session.status().counts.error).toBe(0);
});
