// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { applyFix } from './fix';
import { readPage } from './read';
import { loadFixture } from './testing/fixtures';
import type { PageReading } from './types';
import { writeFieldValue } from './write';

const windows: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

async function page(name: string) {
  const window = await loadFixture(name);
  windows.push(window);
  const doc = window.document as unknown as Document;
  const read = () => readPage(doc, { taught: [] }) as PageReading;
  return { window, doc, read };
}

function bound(reading: PageReading, role: string, line?: number, slot?: number): HTMLInputElement {
  const b = reading.bindings.find(
    (x) => x.role === role && x.line === line && (slot === undefined || x.slot === slot),
  );
  if (!b) throw new Error(`no ${role} on line ${line}`);
  return b.element as HTMLInputElement;
}

describe('React-style controlled inputs', () => {
  test('a native-setter write with input/change events is kept by the app across re-renders', async () => {
    const { doc, read } = await page('react-controlled.html');
    const units = bound(read(), 'units', 0);
    expect(writeFieldValue(units, '3')).toBe(true);
    (doc.querySelector('#add-line') as HTMLElement).click(); // any re-render
    expect(units.value).toBe('3');
    expect(read().claim.lines[0]?.units).toBe('3');
  });

  test('a plain .value write is ignored by the app and reverted on its next render (the control case)', async () => {
    const { doc, window, read } = await page('react-controlled.html');
    const units = bound(read(), 'units', 0);
    units.value = '3';
    units.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    (doc.querySelector('#add-line') as HTMLElement).click();
    expect(units.value).toBe('2');
  });

  test('applyFix adds the missing discipline modifier to the line the app then keeps', async () => {
    const { doc, read } = await page('react-controlled.html');
    expect(applyFix({ line: 2, addModifier: 'GP' }, read())).toBe(true);
    (doc.querySelector('#add-line') as HTMLElement).click();
    expect(read().claim.lines[2]?.modifiers).toBe('GP');
  });

  test('a select is written by option value or by option text', async () => {
    const { read } = await page('react-controlled.html');
    const pos = bound(read(), 'pos') as unknown as HTMLSelectElement;
    expect(writeFieldValue(pos, '10')).toBe(true);
    expect(pos.value).toBe('10');
    expect(writeFieldValue(pos, '22 – On campus outpatient hospital')).toBe(true);
    expect(pos.value).toBe('22');
    expect(writeFieldValue(pos, '99')).toBe(false);
    expect(pos.value).toBe('22');
  });
});

describe('applyFix on CMS-1500 boxes', () => {
  test('addModifier fills the first empty modifier box of that line only', async () => {
    const { read } = await page('cms1500.html');
    expect(applyFix({ line: 1, addModifier: 'GO' }, read())).toBe(true);
    const after = read();
    expect(after.claim.lines[1]?.modifiers).toEqual(['GO']);
    expect(bound(after, 'modifier', 1, 0).value).toBe('GO');
    expect(after.claim.lines[0]?.modifiers).toEqual(['GO']);
  });

  test('addModifier of a modifier already there changes nothing and reports success', async () => {
    const { read } = await page('cms1500.html');
    expect(applyFix({ line: 3, addModifier: 'KX' }, read())).toBe(true);
    expect(read().claim.lines[3]?.modifiers).toEqual(['GO', 'KX']);
  });

  test('removeModifier and replaceModifier touch only the box holding that modifier', async () => {
    const { read } = await page('cms1500.html');
    expect(applyFix({ line: 3, removeModifier: 'KX' }, read())).toBe(true);
    expect(read().claim.lines[3]?.modifiers).toEqual(['GO']);
    expect(applyFix({ line: 3, replaceModifier: { from: 'GO', to: 'GP' } }, read())).toBe(true);
    expect(read().claim.lines[3]?.modifiers).toEqual(['GP']);
    expect(applyFix({ line: 3, removeModifier: '59' }, read())).toBe(false);
  });

  test('setUnits writes the units box of that line; setDiagnosis writes that letter box', async () => {
    const { read } = await page('cms1500.html');
    expect(applyFix({ line: 2, setUnits: 2 }, read())).toBe(true);
    expect(read().claim.lines[2]?.units).toBe('2');
    expect(applyFix({ diagnosis: 1, setDiagnosis: 'I69.354' }, read())).toBe(true);
    expect(read().claim.diagnoses).toEqual(['I69.351', 'I69.354', 'M62.81']);
  });

  test('a fix for a line that does not exist, or a read-only field, is refused', async () => {
    const { doc, read } = await page('cms1500.html');
    expect(applyFix({ line: 9, setUnits: 1 }, read())).toBe(false);
    const units = bound(read(), 'units', 0);
    units.readOnly = true;
    expect(applyFix({ line: 0, setUnits: 2 }, read())).toBe(false);
    expect(units.value).toBe('1');
    expect(doc.querySelector('#status')?.textContent).toBe('');
  });
});

describe('applyFix on a single modifier box', () => {
  function single(value: string, maxLength?: number) {
    document.body.innerHTML = `<form><table><thead><tr><th>CPT</th><th>Modifiers</th><th>Units</th></tr></thead>
      <tbody><tr><td><input name="cpt" value="97110"></td><td><input name="mods" value="${value}"${maxLength ? ` maxlength="${maxLength}"` : ''}></td><td><input name="units" value="2"></td></tr></tbody></table></form>`;
    return readPage(document, { taught: [] }) as PageReading;
  }
  const mods = () => (document.querySelector('[name=mods]') as HTMLInputElement).value;

  test.each([
    ['GP:59', 'GP:59:KX'],
    ['GP 59', 'GP 59 KX'],
    ['GP,59', 'GP,59,KX'],
    ['', 'KX'],
  ])('appending KX to "%s" keeps its separator: "%s"', (before, after) => {
    expect(applyFix({ line: 0, addModifier: 'KX' }, single(before))).toBe(true);
    expect(mods()).toBe(after);
  });

  test('removing and replacing keep the other modifiers and the separator', () => {
    expect(applyFix({ line: 0, removeModifier: '59' }, single('GP:59:KX'))).toBe(true);
    expect(mods()).toBe('GP:KX');
    expect(applyFix({ line: 0, replaceModifier: { from: 'GP', to: 'GO' } }, single('GP KX'))).toBe(true);
    expect(mods()).toBe('GO KX');
  });

  test('a box too short for one more modifier is left alone', () => {
    expect(applyFix({ line: 0, addModifier: 'KX' }, single('GP', 2))).toBe(false);
    expect(mods()).toBe('GP');
  });
});
