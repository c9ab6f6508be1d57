// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { readPage } from './read';
import { expectedFor, loadFixture, pick, readFixture, summarize } from './testing/fixtures';
import type { PageReading } from './types';

const CONFIG = { taught: [] };

/** Every fixture page with charge fields; fee-sheet's live in its innermost frame. */
const PAGES: [page: string, sidecar: string][] = [
  ['cms1500.html', 'cms1500.expected.json'],
  ['react-controlled.html', 'react-controlled.expected.json'],
  ['therapy-note.html', 'therapy-note.expected.json'],
  ['fee-sheet-lines.html', 'fee-sheet.expected.json'],
  ['bare-grid.html', 'bare-grid.expected.json'],
  ['web-components.html', 'web-components.expected.json'],
  ['decoys.html', 'decoys.expected.json'],
  ['strict-csp.html', 'strict-csp.expected.json'],
  ['smoke.html', 'smoke.expected.json'],
];

const open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.happyDOM.close();
});

async function read(name: string, html?: string, adapters?: Parameters<typeof readPage>[2]) {
  const window = await loadFixture(name, html);
  open.push(window);
  const doc = window.document as unknown as Document;
  return { doc, reading: readPage(doc, CONFIG, adapters) };
}

describe.each(PAGES)('%s', (name, sidecar) => {
  test('reads what its sidecar says: lines, claim fields, role counts, submit', async () => {
    const { reading } = await read(name);
    expect(reading).not.toBeNull();
    const expected = expectedFor(sidecar.replace('.expected.json', '.html'));
    const actual = summarize(reading as PageReading);
    expect(actual.lines.map((l, i) => pick(l, expected.lines[i] ?? {}))).toEqual(expected.lines);
    const claimKeys = { diagnoses: 1, placeOfService: 1, dateOfService: 1, payer: 1 };
    expect(pick(actual, claimKeys)).toEqual(
      pick(
        {
          diagnoses: expected.diagnoses ?? [],
          placeOfService: expected.placeOfService,
          dateOfService: expected.dateOfService,
          payer: expected.payer,
        },
        claimKeys,
      ),
    );
    expect(actual.roles).toEqual(expected.roles);
    if (expected.submitText) expect(actual.submitText).toBe(expected.submitText);
  });
});

describe('frames: each document is read on its own', () => {
  test('the outer fee-sheet page and its srcdoc shell hold no charge lines', async () => {
    const outer = await read('fee-sheet.html');
    expect(outer.reading).toBeNull();
    const srcdoc = outer.doc.querySelector('iframe')?.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('fee-sheet-lines.html');
    expect((await read('fee-sheet-srcdoc.html', srcdoc)).reading).toBeNull();
  });

  test('codes come from hidden inputs while the visible cell shows a description', async () => {
    const { reading } = await read('fee-sheet-lines.html');
    const code = reading?.bindings.find((b) => b.role === 'code' && b.line === 0)
      ?.element as HTMLInputElement;
    expect(code.type).toBe('hidden');
    expect(code.name).toBe('svc[0][cpt]');
  });
});

describe('site adapter', () => {
  test('the TheraChart note is read through its adapter and is silent without it', async () => {
    const withAdapter = await read('therapy-note.html');
    expect(withAdapter.reading?.claim.lines).toHaveLength(3);
    expect((await read('therapy-note.html', undefined, [])).reading).toBeNull();
  });

  test('the adapter does not apply to a page without the TheraChart marker', async () => {
    const html = readFixture('therapy-note.html').replace('content="TheraChart"', 'content="OtherApp"');
    expect((await read('therapy-note.html', html)).reading).toBeNull();
  });
});

describe('decoys', () => {
  test('search boxes, the code lookup, history, pick list and the note form are never bound', async () => {
    const { doc, reading } = await read('decoys.html');
    const bound = new Set(reading?.bindings.map((b) => b.element));
    for (const selector of [
      '[name=q]',
      '#code-search',
      '[name=lookup_units]',
      '[name=note_date]',
      '[name=note_text]',
    ]) {
      expect(bound.has(doc.querySelector(selector) as Element), selector).toBe(false);
    }
    for (const cell of Array.from(doc.querySelectorAll('aside td'))) expect(bound.has(cell)).toBe(false);
    expect(reading?.submitControls.map((e) => e.id)).toEqual(['submit-charges']);
    expect(reading?.forms.map((f) => f.id)).toEqual(['charge-entry']);
  });

  test('without the charge form, the same page reads as nothing', async () => {
    const html = readFixture('decoys.html').replace(
      /<form class="card" id="charge-entry"[\s\S]*?<\/form>/,
      '',
    );
    expect((await read('decoys.html', html)).reading).toBeNull();
  });
});

describe('web components', () => {
  test('fields inside nested open shadow roots are bound to their own elements', async () => {
    const { reading } = await read('web-components.html');
    const units = reading?.bindings.filter((b) => b.role === 'units') ?? [];
    expect(units.map((b) => b.line)).toEqual([0, 1, 2]);
    for (const b of units)
      expect((b.element.getRootNode() as ShadowRoot).host.localName).toBe('summit-charge-line');
    expect(reading?.forms).toHaveLength(1);
  });

  test('the reading names every open shadow root it walked, so the watcher need not search for them', async () => {
    const { doc, reading } = await read('web-components.html');
    const roots: (Document | ShadowRoot)[] = [];
    const gather = (root: Document | ShadowRoot) => {
      roots.push(root);
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) gather(el.shadowRoot);
    };
    gather(doc);
    expect(roots.length).toBeGreaterThan(2); // the claim's root and its lines' roots
    expect(new Set(reading?.roots)).toEqual(new Set(roots));
  });
});

describe('React-style page', () => {
  test('rows added and removed by the app are read as they are now', async () => {
    const { doc, reading } = await read('react-controlled.html');
    expect(reading?.claim.lines).toHaveLength(3);
    (doc.querySelector('.remove') as HTMLElement).click();
    expect(readPage(doc, CONFIG)?.claim.lines.map((l) => l.code)).toEqual(['97140', '97530']);
    (doc.querySelector('#add-line') as HTMLElement).click();
    // A new empty row is not a line until something is typed into it.
    expect(readPage(doc, CONFIG)?.claim.lines).toHaveLength(2);
  });
});
