import { describe, expect, test } from 'vitest';
import { normalizeModifiers, splitRun } from './modifiers';

describe('normalizeModifiers', () => {
  test.each([
    ['GP', ['GP']],
    ['gp kx', ['GP', 'KX']],
    ['GP,KX', ['GP', 'KX']],
    ['GP, KX', ['GP', 'KX']],
    ['GP:KX', ['GP', 'KX']],
    ['GP;KX', ['GP', 'KX']],
    ['GP-59', ['GP', '59']],
    ['GP/KX', ['GP', 'KX']],
    ['GPKX', ['GP', 'KX']],
    ['gpkx', ['GP', 'KX']],
    ['59XU', ['59', 'XU']],
    ['GOCOKX', ['GO', 'CO', 'KX']],
    [
      ['GP', 'kx', '', null],
      ['GP', 'KX'],
    ],
    [
      ['GPKX', '59'],
      ['GP', 'KX', '59'],
    ],
    ['GP GP', ['GP', 'GP']],
    [95, ['95']],
  ])('%j → %j', (typed, modifiers) => {
    expect(normalizeModifiers(typed)).toEqual({ ok: true, value: modifiers });
  });

  test.each([
    ['GOO', ['GOO']],
    ['ABCD', ['ABCD']],
    ['GPZZ', ['GPZZ']],
    ['G P', ['G', 'P']],
    ['X', ['X']],
  ])('runs that are not all known modifiers stay whole for modifier/unknown: %j', (typed, kept) => {
    expect(normalizeModifiers(typed)).toEqual({ ok: true, value: kept });
  });

  test.each([null, undefined, '', ' , ', [], ['', null], 'N/A', 'none', ['--', 'na']])(
    '%j is empty',
    (typed) => {
      expect(normalizeModifiers(typed)).toMatchObject({ ok: false, empty: true });
    },
  );

  test('non-text boxes are unreadable', () => {
    expect(normalizeModifiers([{}])).toMatchObject({ ok: false, empty: false });
  });
});

describe('splitRun', () => {
  test('only even runs of known modifiers split', () => {
    expect(splitRun('GPKX')).toEqual(['GP', 'KX']);
    expect(splitRun('GP')).toEqual(['GP']);
    expect(splitRun('GPK')).toEqual(['GPK']);
    expect(splitRun('KXQQ')).toEqual(['KXQQ']);
  });
});
