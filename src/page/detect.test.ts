// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mayHoldCharges } from './detect';
import { readPage } from './read';
import { loadFixture, PORTALS } from './testing/fixtures';

const open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.happyDOM.close();
});

async function page(name: string, html?: string): Promise<Document> {
  const window = await loadFixture(name, html);
  open.push(window);
  return window.document as unknown as Document;
}

const FIXTURES = readdirSync(PORTALS).filter((f) => f.endsWith('.html'));
const BENCH = join(PORTALS, '../bench');

describe('the gate never hides a page the reader reads', () => {
  test.each(FIXTURES)('%s', async (name) => {
    const doc = await page(name);
    if (readPage(doc, { taught: [] }) !== null) expect(mayHoldCharges(doc)).toBe(true);
  });

  test('bench/portal-20k.html (the budget page)', { timeout: 30_000 }, async () => {
    const doc = await page('portal-20k.html', readFileSync(join(BENCH, 'portal-20k.html'), 'utf8'));
    expect(readPage(doc, { taught: [] })).not.toBeNull();
    // Told from its first fields' names: no selector is matched against its 20,000 elements.
    const queries = vi.spyOn(doc, 'querySelectorAll');
    expect(mayHoldCharges(doc)).toBe(true);
    expect(queries).not.toHaveBeenCalled();
  });
});

const PAGES_WITHOUT_CHARGES: [string, string][] = [
  [
    'a schedule with a search box',
    `<form><label>Search patients <input name="q"></label><button>Go</button></form>
     <table><tr><th>Time</th><th>Patient</th><th>Provider</th></tr>
     <tr><td>9:00</td><td>Smith, Ann</td><td>Lee PT</td></tr></table>`,
  ],
  [
    'a log-in',
    `<form><label>User name <input name="username"></label>
     <label>Password <input type="password" name="password"></label><button>Sign in</button></form>`,
  ],
  ['an inbox without fields', `<ul><li>Re: plan of care</li><li>Fax received 10:42</li></ul>`],
];

describe('pages with no charge signal stay closed', () => {
  test.each(PAGES_WITHOUT_CHARGES)('%s', async (_, body) => {
    const doc = await page('none.html', `<!doctype html><html><body>${body}</body></html>`);
    expect(readPage(doc, { taught: [] })).toBeNull();
    expect(mayHoldCharges(doc)).toBe(false);
  });
});

describe('each signal opens the gate on its own', () => {
  test.each([
    ['a field named with a role word', '<input name="rows[0].cptCode">'],
    ['a field labelled beside it', '<span>Units</span> <input name="f1">'],
    ['a column header', '<table><tr><th>Mod</th></tr><tr><td><input name="c1"></td></tr></table>'],
    ['a procedure code typed in a field', '<input name="f1" value="97110">'],
    ['a procedure code in a read-only cell', '<table><tr><td>97530 Therapeutic activities</td></tr></table>'],
    ['an aria label', '<div contenteditable="true" aria-label="Dx pointer"></div>'],
  ])('%s', async (_, body) => {
    const doc = await page('one.html', `<!doctype html><html><body>${body}</body></html>`);
    expect(mayHoldCharges(doc)).toBe(true);
  });

  test('inside an open shadow root', async () => {
    const doc = await page('shadow.html', '<!doctype html><html><body><div id="h"></div></body></html>');
    const shadow = doc.getElementById('h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input name="units">';
    expect(mayHoldCharges(doc)).toBe(true);
  });

  test('a subtree added later is judged alone', async () => {
    const doc = await page('later.html', '<!doctype html><html><body><p>Loading…</p></body></html>');
    expect(mayHoldCharges(doc)).toBe(false);
    const row = doc.createElement('div');
    row.innerHTML = '<label>CPT <input name="a"></label>';
    doc.body.append(row);
    expect(mayHoldCharges(row)).toBe(true);
    expect(mayHoldCharges(row.querySelector('input')!)).toBe(false);
  });
});
