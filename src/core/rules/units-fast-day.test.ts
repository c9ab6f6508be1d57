import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ServiceLine } from '../claim';
import { THERAPY_CODES } from '../data/codes';
import type { Finding } from '../finding';
import { resolveProfile } from '../profile';
import { allocateCms } from '../units/cms';
import { unitsForMinutes } from '../units/table';
import { BUILT_IN_LOOKUP } from './context';
import { modifierKinds } from './modifier-kinds';
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
  return {
    line,
    dos: '2026-03-04',
    entry: null,
    limited: false,
    paired: false,
    blank: false,
    disciplineModifiers: ['GP'],
    modifierDiscipline: 'PT',
    modifierKinds: modifierKinds(['GP']),
  };
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

function contextFor(payer: string, timed: LineView[]): RuleContext {
  return {
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
    profile: resolveProfile(payer),
    tables: BUILT_IN_LOOKUP,
    lines: timed,
    discipline: 'PT',
  };
}

/** Timed codes that each count alone (not the 97129/97130 pool): enough for a day of 14 lines. */
const SINGLE_CODES = THERAPY_CODES.filter((e) => e.timed && e.code !== '97129' && e.code !== '97130').map(
  (e) => e.code,
);

test('on days of distinct codes, the shortcut passes exactly the days compareDay is quiet about', {
  timeout: 60_000,
}, () => {
  let agreed = 0;
  let tiedAndAgreed = 0;
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          // Few distinct leftovers, so ties are common, and big ties (past settleTies' limit) occur.
          fc.oneof(fc.constantFrom(8, 10, 23, 25, 38, 40), fc.integer({ min: 0, max: 70 })),
          fc.constantFrom(0, 0, 0, 1, -1),
        ),
        { minLength: 1, maxLength: 14 },
      ),
      fc.constantFrom('medicare', 'commercial'),
      (entries, payer) => {
        const timed = entries.map(([minutes, off], i) =>
          view(i, SINGLE_CODES[i]!, minutes, Math.max(1, unitsForMinutes(minutes) + off)),
        );
        const ctx = contextFor(payer, timed);
        const out: Finding[] = [];
        compareDay(ctx, timed, out);
        const agrees = dayAgrees(ctx.profile.unitMethod, timed);
        expect(agrees).toBe(out.length === 0);
        if (agrees) agreed++;
        if (agrees && allocateCms(timed.map((v) => v.line.minutes!)).ties.length > 0) tiedAndAgreed++;
      },
    ),
    { numRuns: 5000 },
  );
  // Neither side of the equivalence is vacuous, tied days included.
  expect(agreed).toBeGreaterThan(100);
  expect(tiedAndAgreed).toBeGreaterThan(20);
});

test('a tie too big to try every placement is quiet only as the count placed it', () => {
  // Twelve codes of 25 minutes: 300 minutes = 20 units, 12 full and 8 owed to the tied lines (C(12, 8) = 495 > 256).
  const counted = SINGLE_CODES.slice(0, 12).map((code, i) => view(i, code, 25, i < 8 ? 2 : 1));
  expect(dayAgrees('cms', counted)).toBe(true);
  const moved = counted.map((v, i) => view(i, v.line.code!, 25, i === 0 ? 1 : i === 8 ? 2 : v.line.units!));
  expect(dayAgrees('cms', moved)).toBe(false);
  const said: Finding[] = [];
  compareDay(contextFor('medicare', moved), moved, said);
  expect(said.length).toBeGreaterThan(0);
  // Three such codes: 75 minutes = 5 units, 2 owed; the clinician may place them on the last two.
  const small = SINGLE_CODES.slice(0, 3).map((code, i) => view(i, code, 25, i === 0 ? 1 : 2));
  expect(dayAgrees('cms', small)).toBe(true);
});
