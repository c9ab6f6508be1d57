import { describe, expect, test } from 'vitest';
import { normalizeMoney } from './charge';
import { normalizeDate } from './date';
import { normalizeMinutes } from './minutes';
import { normalizePlaceOfService } from './place-of-service';
import { normalizeUnits } from './units';

const EMPTY = [null, undefined, '', '  ', 'N/A', 'n/a', 'None', '-', '--'];

describe('normalizeUnits', () => {
  test.each([
    ['2', 2],
    [2, 2],
    ['2.0', 2],
    ['2 units', 2],
    ['1 unit', 1],
    ['2u', 2],
    ['x2', 2],
    ['2x', 2],
    // Read as typed: units/invalid explains these better than "unreadable".
    ['0', 0],
    ['-1', -1],
    ['2.5', 2.5],
  ])('%j → %d', (typed, units) => {
    expect(normalizeUnits(typed)).toEqual({ ok: true, value: units });
  });
  test.each(['two', '2,5', '2-3', '', '1e3'].filter((t) => t !== ''))('%j is unreadable', (typed) => {
    expect(normalizeUnits(typed)).toMatchObject({ ok: false, empty: false });
  });
  test.each(EMPTY)('%j is empty', (typed) =>
    expect(normalizeUnits(typed)).toMatchObject({ ok: false, empty: true }),
  );
});

describe('normalizeMinutes', () => {
  test.each([
    ['30', 30],
    [30, 30],
    ['30 min', 30],
    ['30 mins', 30],
    ['30 minutes', 30],
    ['30m', 30],
    ['30 min.', 30],
    ['0:30', 30],
    ['1:05', 65],
    ['1h 5m', 65],
    ['1 hr 5 min', 65],
    ['1 hour, 5 minutes', 65],
    ['1h', 60],
    ['1.5 h', 90],
    ['7.5', 7.5],
    ['0', 0],
  ])('%j → %d', (typed, minutes) => {
    expect(normalizeMinutes(typed)).toEqual({ ok: true, value: minutes });
  });
  test.each(['half an hour', '-5', '1:75', '30 sec', '2000', '25:00', '1h 5m 3s'])(
    '%j is unreadable',
    (typed) => {
      expect(normalizeMinutes(typed)).toMatchObject({ ok: false, empty: false });
    },
  );
  test.each(EMPTY)('%j is empty', (typed) =>
    expect(normalizeMinutes(typed)).toMatchObject({ ok: false, empty: true }),
  );
});

describe('normalizeMoney', () => {
  test.each([
    ['64.04', 64.04],
    [64.04, 64.04],
    ['$1,234.50', 1234.5],
    ['$ 12', 12],
    ['1234.5', 1234.5],
    ['USD 80', 80],
    ['0', 0],
    ['2,400', 2400],
  ])('%j → %d', (typed, amount) => {
    expect(normalizeMoney(typed)).toEqual({ ok: true, value: amount });
  });
  test.each(['-5', 'free', '1,23.50', '12.345', '$', '(12.00)'])('%j is unreadable', (typed) => {
    expect(normalizeMoney(typed)).toMatchObject({ ok: false, empty: false });
  });
});

describe('normalizeDate', () => {
  test.each([
    ['2026-03-04', '2026-03-04'],
    ['03/04/2026', '2026-03-04'],
    ['3/4/26', '2026-03-04'],
    ['3/4/2026', '2026-03-04'],
    ['03-04-2026', '2026-03-04'],
    ['03 04 26', '2026-03-04'],
    ['030426', '2026-03-04'],
    ['03042026', '2026-03-04'],
    ['2026-3-4', '2026-03-04'],
    ['2026-03-04T00:00:00Z', '2026-03-04'],
    ['02/29/2028', '2028-02-29'],
  ])('%j → %s', (typed, iso) => {
    expect(normalizeDate(typed)).toEqual({ ok: true, value: iso });
  });
  test.each([
    '13/04/2026',
    '02/30/2026',
    '02/29/2026',
    '2026-02-29',
    '2026-04-31',
    '1899-12-31',
    '2026-00-10',
    'March 4',
    '2026-13-01',
    '4/2026',
    '20260304x',
  ])('%j is not a date', (typed) => expect(normalizeDate(typed)).toMatchObject({ ok: false, empty: false }));
});

describe('normalizePlaceOfService', () => {
  test.each([
    ['11', '11'],
    [11, '11'],
    ['2', '02'],
    [2, '02'],
    ['02', '02'],
    ['POS 11', '11'],
    ['11 - Office', '11'],
    ['10: Telehealth in patient’s home', '10'],
  ])('%j → %s', (typed, pos) => {
    expect(normalizePlaceOfService(typed)).toEqual({ ok: true, value: pos });
  });
  test.each(['Office', '0', '111', '1.5'])('%j is unreadable', (typed) => {
    expect(normalizePlaceOfService(typed)).toMatchObject({ ok: false, empty: false });
  });
});
