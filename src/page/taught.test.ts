// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { readPage } from './read';
import { loadFixture } from './testing/fixtures';
import type { TaughtMapping } from './types';

const open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.happyDOM.close();
});

/** What a user teaches by pointing at TheraChart's fields (no built-in adapter in these tests). */
const TAUGHT: TaughtMapping = {
  host: '127.0.0.1',
  pathPattern: '/portals/*',
  fields: [
    { role: 'code', selector: '.tc-svc select' },
    { role: 'units', selector: '[data-tc="ct"]' },
    { role: 'minutes', selector: '[data-tc="mins"]' },
    { role: 'modifier', selector: '[data-tc="mod"]' },
  ],
};

async function doc() {
  const window = await loadFixture('therapy-note.html');
  open.push(window);
  return window.document as unknown as Document;
}

describe('taught mappings', () => {
  test('a page the heuristics cannot read is read from what the user taught', async () => {
    const page = await doc();
    expect(readPage(page, { taught: [] }, [])).toBeNull();
    const reading = readPage(page, { taught: [TAUGHT] }, []);
    expect(reading?.claim.lines.map((l) => [l.code, l.units, l.minutes])).toEqual([
      ['97535', '2', '28'],
      ['97530', '1', '16'],
      ['97112', '1', '9'],
    ]);
  });

  test('a mapping for another host or path does not apply', async () => {
    const page = await doc();
    expect(readPage(page, { taught: [{ ...TAUGHT, host: 'ehr.example.com' }] }, [])).toBeNull();
    expect(readPage(page, { taught: [{ ...TAUGHT, pathPattern: '/billing/*' }] }, [])).toBeNull();
  });

  test('taught fields win over the adapter and over heuristics', async () => {
    const page = await doc();
    const swapped: TaughtMapping = {
      ...TAUGHT,
      fields: [
        { role: 'minutes', selector: '[data-tc="ct"]' },
        { role: 'units', selector: '[data-tc="mins"]' },
      ],
    };
    const reading = readPage(page, { taught: [swapped] });
    expect(reading?.claim.lines[0]).toMatchObject({ code: '97535', units: '28', minutes: '2' });
  });

  test('a taught field with a line index binds to that line', async () => {
    const page = await doc();
    const perLine: TaughtMapping = {
      ...TAUGHT,
      fields: [
        { role: 'code', selector: '.tc-svc:nth-of-type(3) select', line: 0 },
        { role: 'units', selector: '.tc-svc:nth-of-type(3) [data-tc="ct"]', line: 0 },
      ],
    };
    expect(readPage(page, { taught: [perLine] }, [])?.claim.lines).toEqual([{ code: '97535', units: '2' }]);
  });
});
