import { describe, expect, test } from 'vitest';
import { normalizeDiscipline } from './discipline';
import { normalizePayer } from './payer';
import { normalizeRenderedBy } from './rendered-by';

describe('normalizeDiscipline', () => {
  test.each([
    ['PT', 'PT'],
    ['pt', 'PT'],
    ['Physical Therapy', 'PT'],
    ['OT', 'OT'],
    ['occupational therapy', 'OT'],
    ['SLP', 'SLP'],
    ['ST', 'SLP'],
    ['speech', 'SLP'],
    ['Speech-Language Pathology', 'SLP'],
    ['speech language pathology', 'SLP'],
    ['P.T.', 'PT'],
  ])('%j → %s', (typed, discipline) => {
    expect(normalizeDiscipline(typed)).toEqual({ ok: true, value: discipline });
  });
  test.each(['chiropractic', 'E/M', '7'])('%j is unreadable', (typed) => {
    expect(normalizeDiscipline(typed)).toMatchObject({ ok: false, empty: false });
  });
});

describe('normalizeRenderedBy', () => {
  test.each([
    ['therapist', 'therapist', null],
    ['Therapist', 'therapist', null],
    ['assistant', 'assistant', null],
    ['PTA', 'assistant', 'PT'],
    ['COTA', 'assistant', 'OT'],
    ['OTA', 'assistant', 'OT'],
    ['SLPA', 'assistant', 'SLP'],
    ['PT', 'therapist', 'PT'],
    ['OTR/L', 'therapist', 'OT'],
    ['physical therapist assistant', 'assistant', 'PT'],
    ['Speech Language Pathologist', 'therapist', 'SLP'],
  ])('%j → %s (%s)', (typed, renderedBy, discipline) => {
    expect(normalizeRenderedBy(typed)).toEqual({ ok: true, value: { renderedBy, discipline } });
  });
  test.each(['aide', 'tech', '3'])('%j is unreadable', (typed) => {
    expect(normalizeRenderedBy(typed)).toMatchObject({ ok: false, empty: false });
  });
});

describe('normalizePayer', () => {
  test('tidies spaces only; the profile resolver decides what it means', () => {
    expect(normalizePayer('  Medicare   Part B ')).toEqual({ ok: true, value: 'Medicare Part B' });
    expect(normalizePayer('')).toMatchObject({ ok: false, empty: true });
  });
});
