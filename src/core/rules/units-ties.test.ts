import { describe, expect, test } from 'vitest';
import { countDay } from './units-count';
import { settleTies } from './units-ties';

type Day = [code: string, minutes: number, billed: number][];

function settle(day: Day) {
  const count = countDay(
    'cms',
    day.map(([code, minutes]) => ({ code, minutes })),
  );
  const billed = new Map<string, number>();
  for (const [code, , units] of day) billed.set(code, (billed.get(code) ?? 0) + units);
  const settled = settleTies(count, (code) => billed.get(code) ?? 0);
  return { expected: Object.fromEntries(settled.expected), open: [...settled.open].sort() };
}

/** CMS Pub. 100-04, ch. 5, §20.2 (facts §1): ties are the clinician's choice. */
describe('settleTies: the tie placement closest to what was billed', () => {
  test.each<[string, Day, Record<string, number>, string[]]>([
    // 44 min = 3 units; 97110 has 2 full units, the third is tied (7 leftover each) and 97140 holds it.
    [
      '97110 37 ×1 + 97140 7 ×1: the tie is on 97140',
      [
        ['97110', 37, 1],
        ['97140', 7, 1],
      ],
      { '97110': 2, '97140': 1 },
      [],
    ],
    [
      '97110 37 ×3 + 97140 7 ×0: the tie is on 97110',
      [
        ['97110', 37, 3],
        ['97140', 7, 0],
      ],
      { '97110': 3, '97140': 0 },
      [],
    ],
    // §20.2 ex. 2: 20 + 20 = 40 min = 3 units, 2 on either code.
    [
      '§20.2 ex. 2 billed 1 + 2',
      [
        ['97112', 20, 1],
        ['97110', 20, 2],
      ],
      { '97112': 1, '97110': 2 },
      [],
    ],
    [
      '§20.2 ex. 2 billed 3 + 1: one placement is closest',
      [
        ['97112', 20, 3],
        ['97110', 20, 1],
      ],
      { '97112': 2, '97110': 1 },
      [],
    ],
    [
      '§20.2 ex. 2 billed 1 + 1: both placements as close, both codes open',
      [
        ['97112', 20, 1],
        ['97110', 20, 1],
      ],
      { '97112': 2, '97110': 1 },
      ['97110', '97112'],
    ],
    // 10 + 10 + 10 = 30 min = 2 units over three tied codes.
    [
      'three tied codes, the zero on 97112',
      [
        ['97110', 10, 1],
        ['97112', 10, 0],
        ['97140', 10, 1],
      ],
      { '97110': 1, '97112': 0, '97140': 1 },
      [],
    ],
    [
      'no tie: the count as it is',
      [
        ['97112', 24, 1],
        ['97110', 23, 1],
      ],
      { '97112': 2, '97110': 1 },
      [],
    ],
  ])('%s', (_name, day, expected, open) => {
    const settled = settle(day);
    expect(settled.expected).toEqual(expected);
    expect(settled.open).toEqual(open);
  });

  test('the total never changes, whatever was billed', () => {
    for (const billed of [0, 1, 2, 3]) {
      const { expected } = settle([
        ['97112', 20, billed],
        ['97110', 20, 3 - billed],
      ]);
      expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(3);
    }
  });
});
