// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { markElements, markForE2E } from './mark';
import { readPage } from './read';
import type { PageReading } from './types';

const FORM = `<form><table><thead><tr><th>CPT</th><th>Mod</th><th>Units</th></tr></thead><tbody>
  <tr><td><input name="c0" value="97110"></td><td><input name="m0" value="GP"></td><td><input name="u0" value="2"></td></tr>
  <tr><td><input name="c1" value="97140"></td><td><input name="m1" value="GP"></td><td><input name="u1" value="1"></td></tr>
  </tbody></table><label>Diagnosis <input name="dx" value="M62.81"></label><button type="submit">Submit</button></form>`;

const marks = () =>
  Array.from(document.querySelectorAll('[data-cg-role]')).map((e) => [
    e.getAttribute('name') ?? e.textContent,
    e.getAttribute('data-cg-role'),
    e.getAttribute('data-cg-line'),
  ]);

describe('e2e marks', () => {
  test('the release build (this test run is not MODE=e2e) writes nothing into the page', () => {
    document.body.innerHTML = FORM;
    markForE2E(readPage(document, { taught: [] }));
    expect(document.querySelectorAll('[data-cg-role]')).toHaveLength(0);
  });

  test('every element read gets its role, line fields their line; the submit control is marked', () => {
    document.body.innerHTML = FORM;
    markElements(readPage(document, { taught: [] }) as PageReading);
    expect(marks()).toEqual([
      ['c0', 'code', '0'],
      ['m0', 'modifier', '0'],
      ['u0', 'units', '0'],
      ['c1', 'code', '1'],
      ['m1', 'modifier', '1'],
      ['u1', 'units', '1'],
      ['dx', 'dx', null],
      ['Submit', 'submit', null],
    ]);
  });

  test('marks that no longer hold are removed on the next reading', () => {
    document.body.innerHTML = FORM;
    markElements(readPage(document, { taught: [] }) as PageReading);
    document
      .querySelector('tbody tr')
      ?.querySelectorAll('input')
      .forEach((i) => {
        i.value = '';
      });
    markElements(readPage(document, { taught: [] }) as PageReading);
    expect(marks().filter(([, role]) => role === 'code')).toEqual([['c1', 'code', '0']]);
    expect(document.querySelector('[name=c0]')?.hasAttribute('data-cg-role')).toBe(false);
    markElements(null, document);
    expect(marks()).toEqual([]);
  });
});

describe('fault switch', () => {
  test('readPage throws at its start when the e2e fault switch names the reader', async () => {
    vi.resetModules();
    vi.doMock('../env', () => ({ E2E: true }));
    const { readPage: faulty } = await import('./read');
    document.body.innerHTML = FORM;
    document.documentElement.setAttribute('data-cg-fault', 'reader');
    expect(() => faulty(document, { taught: [] })).toThrow(/test fault: reader/);
    document.documentElement.removeAttribute('data-cg-fault');
    expect(faulty(document, { taught: [] })?.claim.lines).toHaveLength(2);
    vi.doUnmock('../env');
  });
});
