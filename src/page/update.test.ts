// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { readPage } from './read';
import { loadFixture } from './testing/fixtures';
import type { FieldBinding, FieldRole, PageReading } from './types';
import { updateReading } from './update';

/**
 * An in-place update must give exactly what reading the whole page again gives: the same claim
 * and the same bindings (element, role, line, slot). When it cannot be sure it says so (false)
 * and the caller reads the page; these tests also hold it to answering true for ordinary typing,
 * so "always false" cannot pass.
 */

/** Portals that take diagnosis codes on each line (no box 21), with and without pointer boxes of their own. */
function lineDxPage(pointers: boolean): string {
  const head = ['CPT', 'Modifier', 'Units', 'Minutes', 'Dx 1', 'Dx 2', ...(pointers ? ['Pointer'] : [])];
  const rows = [
    ['97110', 'GP', '2', '30', 'M54.50', '', 'A'],
    ['97140', 'GP', '1', '15', 'M62.81', 'm54.50', 'B'],
    ['97530', '', '2', '25', '', 'R26.89', 'AB'],
  ];
  const cells = (r: string[], i: number) =>
    r
      .slice(0, head.length)
      .map((v, c) => `<td><input name="l${i}_${head[c]?.toLowerCase().replace(' ', '')}" value="${v}"></td>`)
      .join('');
  return (
    '<!doctype html><html><body><form><table><thead><tr>' +
    head.map((h) => `<th>${h}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows.map((r, i) => `<tr>${cells(r, i)}</tr>`).join('') +
    '</tbody></table><button type="submit">Submit charges</button></form></body></html>'
  );
}
const INLINE: Record<string, string> = {
  'line-dx.html': lineDxPage(false),
  'line-dx-pointers.html': lineDxPage(true),
};

const PAGES = [
  'bare-grid.html',
  'cms1500.html',
  'decoys.html',
  'fee-sheet-lines.html',
  'react-controlled.html',
  'smoke.html',
  'strict-csp.html',
  'therapy-note.html',
  'web-components.html',
  ...Object.keys(INLINE),
];

/** What people type, right and wrong, per role ('' clears the field). */
const TYPED: Record<Exclude<FieldRole, 'submit'>, string[]> = {
  code: ['97110', '97530 ', 'G0283', '97140-GP', '97535 Self-care', 'abc', '9', ''],
  modifier: ['GP', 'GO:KX', '59', 'xx', ' GN ', ''],
  units: ['1', '2', '0', '2.5', 'x', '12', ''],
  minutes: ['8', '23', '38', 'abc', '7', ''],
  dx: ['I69.351', 'Z74.09', 'm54.5', 'R69, Z87.39', 'foo', ''],
  'dx-pointer': ['A', 'AB', '1,2', 'Z', '2', ''],
  pos: ['11', '02', 'x', ''],
  dos: ['2026-03-04', '03/04/2026', 'x', ''],
  charge: ['$95.67', '100', 'x', ''],
  payer: ['Medicare Part B', 'Aetna PPO', ''],
};

type Win = Awaited<ReturnType<typeof loadFixture>>;
const windows = new Map<string, Win>();
afterAll(async () => {
  for (const w of windows.values()) await w.happyDOM.close();
});
async function page(name: string): Promise<Document> {
  // A fresh window per property run would cost seconds each; the page is re-read after every edit instead.
  let w = windows.get(name);
  if (!w) {
    w = await loadFixture(name, INLINE[name]);
    windows.set(name, w);
  }
  return w.document as unknown as Document;
}

/** What each typed-into field showed before, so every property run starts from the page as served. */
const undo: (() => void)[] = [];

/** Sets what a field shows without firing events (page scripts must not re-render in between). */
function type(el: Element, text: string, optionPick: number): void {
  const tag = el.localName;
  const before =
    tag === 'select'
      ? (el as HTMLSelectElement).selectedIndex
      : tag === 'input' || tag === 'textarea'
        ? (el as HTMLInputElement).value
        : el.textContent;
  undo.push(() => {
    if (tag === 'select') (el as HTMLSelectElement).selectedIndex = before as number;
    else if (tag === 'input' || tag === 'textarea') (el as HTMLInputElement).value = before as string;
    else el.textContent = before as string;
  });
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    if (select.options.length > 0) select.selectedIndex = optionPick % select.options.length;
  } else if (tag === 'input' || tag === 'textarea') (el as HTMLInputElement).value = text;
  else el.textContent = text;
}

/** Bindings with elements replaced by a stable id, so two readings compare structurally. */
function shape(reading: PageReading) {
  const ids = new Map<Element, number>();
  const id = (el: Element) => {
    if (!ids.has(el)) ids.set(el, ids.size);
    return ids.get(el);
  };
  const all = [...reading.bindings.map((b) => b.element), ...reading.submitControls];
  for (const el of all) id(el);
  return {
    bindings: reading.bindings.map((b: FieldBinding) => ({
      el: id(b.element),
      role: b.role,
      line: b.line,
      slot: b.slot,
    })),
    ids,
  };
}

function expectSame(updated: PageReading, fresh: PageReading) {
  expect(updated.claim).toEqual(fresh.claim);
  expect(updated.bindings.map((b) => b.element)).toEqual(fresh.bindings.map((b) => b.element));
  expect(shape(updated).bindings).toEqual(shape(fresh).bindings);
}

describe.each(PAGES)('%s', (name) => {
  test('after any run of edits to read fields, an update that succeeds equals reading the page again', async () => {
    const doc = await page(name);
    const start = readPage(doc, { taught: [] });
    expect(start).not.toBeNull();
    let updated = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }))), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          let reading = readPage(doc, { taught: [] });
          try {
            for (const [which, pick, free] of edits) {
              if (!reading) return; // an edit emptied the page of lines: nothing left to update
              const binding = reading.bindings[which % reading.bindings.length] as FieldBinding;
              const pool = TYPED[binding.role as keyof typeof TYPED];
              type(binding.element, free ?? (pool[pick % pool.length] as string), pick);
              const ok = updateReading(reading, [binding.element]);
              const fresh = readPage(doc, { taught: [] });
              if (ok) {
                updated++;
                expect(fresh).not.toBeNull();
                expectSame(reading, fresh as PageReading);
              } else reading = fresh;
            }
          } finally {
            for (const step of undo.splice(0).reverse()) step();
          }
        },
      ),
      { numRuns: 25, seed: 20261122 },
    );
    expect(updated).toBeGreaterThan(0);
  });
});

describe('ordinary typing is updated in place', () => {
  test('units, minutes and a modifier on the CMS-1500 page', async () => {
    const doc = await page('cms1500.html');
    const reading = readPage(doc, { taught: [] }) as PageReading;
    for (const [role, text] of [
      ['units', '3'],
      ['minutes', '41'],
      ['modifier', 'GP'],
    ] as const) {
      const b = reading.bindings.find((x) => x.role === role && x.line === 0) as FieldBinding;
      type(b.element, text, 0);
      expect(updateReading(reading, [b.element])).toBe(true);
    }
    const before = reading.claim;
    expectSame(reading, readPage(doc, { taught: [] }) as PageReading);
    // A new claim object each update: nothing holding the old one sees it change.
    const units = reading.bindings.find((x) => x.role === 'units' && x.line === 0) as FieldBinding;
    type(units.element, '4', 0);
    expect(updateReading(reading, [units.element])).toBe(true);
    expect(reading.claim).not.toBe(before);
    expect(before.lines[0]?.units).toBe('3');
  });

  test('a text node changed inside a read-only cell updates that cell', async () => {
    const doc = await page('bare-grid.html');
    const reading = readPage(doc, { taught: [] }) as PageReading;
    const cell = reading.bindings.find((b) => b.element.localName === 'td' && b.role === 'units');
    if (!cell) return expect(reading.bindings.some((b) => b.element.localName === 'td')).toBe(false);
    const text = cell.element.firstChild as Text;
    text.data = '3';
    expect(updateReading(reading, [text])).toBe(true);
    expectSame(reading, readPage(doc, { taught: [] }) as PageReading);
  });
});

describe('what needs the page read again', () => {
  test('an edit to a field that is not read, and a field emptied that keeps its line alive', async () => {
    const doc = await page('smoke.html');
    const reading = readPage(doc, { taught: [] }) as PageReading;
    const unbound = Array.from(doc.querySelectorAll('input')).find(
      (el) => !reading.bindings.some((b) => b.element === el),
    );
    if (unbound) expect(updateReading(reading, [unbound])).toBe(false);
    const code = reading.bindings.find((b) => b.role === 'code') as FieldBinding;
    const claim = reading.claim;
    type(code.element, '', 0);
    expect(updateReading(reading, [code.element])).toBe(false);
    expect(reading.claim).toBe(claim); // left as it was
  });

  test('a value that no longer fits the role the field was read as', () => {
    // Read-only cells count only while their text fits their column: "Units" over "2", not over "soon".
    document.body.innerHTML =
      '<form><table><thead><tr><th>CPT</th><th>Modifier</th><th>Units</th><th>Minutes</th></tr></thead><tbody>' +
      '<tr><td>97110</td><td><input name="mod" value="GP"></td><td id="units">2</td><td><input name="min" value="30"></td></tr>' +
      '</tbody></table><button type="submit">Submit</button></form>';
    const reading = readPage(document, { taught: [] }) as PageReading;
    const cell = document.getElementById('units') as Element;
    expect(reading.bindings.find((b) => b.element === cell)?.role).toBe('units');
    (cell.firstChild as Text).data = 'soon';
    expect(updateReading(reading, [cell.firstChild as Text])).toBe(false);
    const fresh = readPage(document, { taught: [] }) as PageReading;
    expect(fresh.bindings.some((b) => b.element === cell)).toBe(false);
  });

  test('a reading not made by readPage is never updated', () => {
    const reading: PageReading = { claim: { lines: [] }, bindings: [], submitControls: [], forms: [] };
    expect(updateReading(reading, [])).toBe(false);
  });
});
