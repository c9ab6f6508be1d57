import { describe, expect, test } from 'vitest';
import { type CalcRow, compare, copyText } from './calc';

let id = 0;
const rows = (...pairs: [string, string][]): CalcRow[] =>
  pairs.map(([code, minutes]) => ({ id: id++, code, minutes }));

describe('popup calculator', () => {
  test('CMS example 3 (Pub. 100-04 ch. 5 §20.2): 97110 33 + 97140 7 → 97110 x2, 97140 x1; AMA gives 97140 nothing', () => {
    const { cms, ama } = compare(rows(['97110', '33'], ['97140', '7']));
    expect(copyText(cms)).toBe('97110 x2, 97140 x1 — 40 timed min (CMS)');
    expect(copyText(ama)).toBe('97110 x2 — 40 timed min (AMA; not billed: 97140)');
  });

  test('ties are named in the copied text (CMS example 2: 20 + 20 minutes)', () => {
    const { cms } = compare(rows(['97112', '20'], ['97110', '20']));
    expect(cms.totalUnits).toBe(3);
    expect(copyText(cms)).toMatch(
      /^97112 x\d, 97110 x\d — 40 timed min \(CMS; tie: 1 unit may go on 97112 or 97110\)$/,
    );
  });

  test('untimed codes keep their own unit and stay out of the timed minutes', () => {
    const { cms } = compare(rows(['97161', '45'], ['97110', '23']));
    expect(cms.totalTimedMinutes).toBe(23);
    expect(copyText(cms)).toBe('97161 x1, 97110 x2 — 23 timed min (CMS)');
  });

  test('blank rows are ignored, codes are read as people type them', () => {
    const result = compare(rows([' 97110 ', '15'], ['', ''], ['97140', '']));
    expect(result.filled).toBe(2);
    expect(result.cms.lines.map((l) => l.code)).toEqual(['97110', '97140']);
  });

  test('nothing typed copies as no units', () => {
    expect(copyText(compare([]).cms)).toBe('no units — 0 timed min (CMS)');
  });
});
