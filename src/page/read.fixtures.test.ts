// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readPage } from './read';
import { expectedFor, loadFixture, pick, summarize } from './testing/fixtures';

const CONFIG = { taught: [] };

/** Pages whose whole charge form is in the top document (frames and shadow DOM have their own tests). */
const PAGES = [
  'cms1500.html',
  'react-controlled.html',
  'therapy-note.html',
  'fee-sheet-lines.html',
  'bare-grid.html',
  'web-components.html',
];

describe.each(PAGES)('%s', (name) => {
  test('reads what its sidecar says, line by line', async () => {
    const window = await loadFixture(name);
    const reading = readPage(window.document as unknown as Document, CONFIG);
    expect(reading).not.toBeNull();
    if (!reading) return;
    const expected = expectedFor(name === 'fee-sheet-lines.html' ? 'fee-sheet.html' : name);
    const actual = summarize(reading);
    expect(actual.lines.map((l, i) => pick(l, expected.lines[i] ?? {}))).toEqual(expected.lines);
    expect(pick(actual, { diagnoses: 1, placeOfService: 1, dateOfService: 1, payer: 1 })).toEqual(
      pick(
        {
          diagnoses: expected.diagnoses,
          placeOfService: expected.placeOfService,
          dateOfService: expected.dateOfService,
          payer: expected.payer,
        },
        { diagnoses: 1, placeOfService: 1, dateOfService: 1, payer: 1 },
      ),
    );
    expect(actual.roles).toEqual(expected.roles);
    if (expected.submitText) expect(actual.submitText).toBe(expected.submitText);
    await window.happyDOM.close();
  });
});
