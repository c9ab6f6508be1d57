import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ServiceLine } from '../claim';
import type { Finding } from '../finding';
import { resolveProfile } from '../profile';
import { allocateCms } from '../units/cms';
import { unitsForMinutes } from '../units/table';
import { BUILT_IN_LOOKUP } from './context';
import type { LineView, RuleContext } from './types';
import { compareDay, dayAgrees } from './units';

function view(index: number, code: string, minutes: number, units: number): LineView {
  const line: ServiceLine = {
    index,
    code,
    modifiers: ['GP'],
    units,
    minutes,
    dxPointers: [0],
    dxPointerErrors: [],
    charge: 40,
    dateOfService: '2026-03-04',
    placeOfService: '11',
    raw: {},
  };
  return { line, dos: '2026-03-04', entry: null, blank: false, disciplineModifiers: ['GP'] };
}

const day = fc.array(
  fc.record({
    code: fc.constantFrom('97110', '97112', '97140', '97530', '97129', '97130'),
    minutes: fc.oneof(fc.integer({ min: 0, max: 70 }), fc.double({ min: 0, max: 70, noNaN: true })),
    // Mostly the units the 8-minute table gives the line's own minutes, so many days agree.
    off: fc.constantFrom(0, 0, 0, 1, -1),
  }),
  { minLength: 1, maxLength: 5 },
);

test('a day the shortcut passes is one compareDay has nothing to say about', { timeout: 60_000 }, () => {
  let agreed = 0;
  fc.assert(
    fc.property(day, fc.constantFrom('medicare', 'commercial'), (lines, payer) => {
      const profile = resolveProfile(payer);
      const timed = lines.map((l, i) =>
        view(i, l.code, l.minutes, Math.max(1, unitsForMinutes(Math.floor(l.minutes)) + l.off)),
      );
      if (!dayAgrees(profile.unitMethod, timed)) return;
      agreed++;
      const ctx: RuleContext = {
        claim: {
          payer,
          dateOfService: '2026-03-04',
          placeOfService: '11',
          discipline: 'PT',
          renderedBy: 'therapist',
          ytdTherapyCharges: null,
          diagnoses: ['M17.11'],
          lines: timed.map((v) => v.line),
        },
        profile,
        tables: BUILT_IN_LOOKUP,
        lines: timed,
        discipline: 'PT',
      };
      const out: Finding[] = [];
      compareDay(ctx, timed, out);
      expect(out).toEqual([]);
    }),
    { numRuns: 3000 },
  );
  // The shortcut is taken often enough to matter (and the property above is not vacuous).
  expect(agreed).toBeGreaterThan(60);
});

test('the shortcut passes the everyday day and refuses a wrong one', () => {
  const medicare = resolveProfile('medicare').unitMethod;
  expect(dayAgrees(medicare, [view(0, '97110', 30, 2), view(1, '97112', 15, 1)])).toBe(true);
  expect(dayAgrees(medicare, [view(0, '97110', 30, 3), view(1, '97112', 15, 1)])).toBe(false);
  expect(dayAgrees(medicare, [view(0, '97110', 10, 1), view(1, '97112', 10, 1)])).toBe(false);
  expect(dayAgrees(medicare, [view(0, '97129', 15, 1)])).toBe(false);
});

/** The shortcut as first written, with allocateCms's arrays: the allocation-free one must agree with it. */
function cmsDayByAllocation(timed: readonly LineView[]): boolean {
  const alloc = allocateCms(timed.map((v) => Math.floor(v.line.minutes!)));
  return alloc.ties.length === 0 && timed.every((v, i) => alloc.full[i]! + alloc.extra[i]! === v.line.units);
}

test('the CMS shortcut without arrays says what allocateCms says, ties included', () => {
  const distinctCodes = ['97110', '97112', '97140', '97530', '97116', '97535', '97150', '97750'];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 70 }), fc.constantFrom(0, 0, 1, -1)), {
        minLength: 2,
        maxLength: 8,
      }),
      (entries) => {
        const timed = entries.map(([minutes, off], i) =>
          view(i, distinctCodes[i]!, minutes, Math.max(1, unitsForMinutes(minutes) + off)),
        );
        expect(dayAgrees('cms', timed)).toBe(cmsDayByAllocation(timed));
      },
    ),
    { numRuns: 3000 },
  );
});
