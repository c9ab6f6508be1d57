import { describe, expect, test } from 'vitest';
import { normalizeDiagnosis, tidyDiagnosis } from './diagnosis';
import { normalizeDxPointers } from './dx-pointers';

describe('normalizeDiagnosis', () => {
  test.each([
    ['i69351', 'I69.351'],
    ['I69.351', 'I69.351'],
    ['m54.50', 'M54.50'],
    ['M5450', 'M54.50'],
    [' z74.09 ', 'Z74.09'],
    ['M54 50', 'M54.50'],
    ['R69', 'R69'],
    ['g35a', 'G35.A'],
    ['S72001A', 'S72.001A'],
    ['I69.351 - Hemiplegia following cerebral infarction', 'I69.351'],
    ['r69 Illness, unspecified', 'R69'],
    ['M54.50: Low back pain, unspecified', 'M54.50'],
  ])('%j → %s', (typed, code) => {
    expect(normalizeDiagnosis(typed)).toEqual({ ok: true, value: code });
  });

  // Facts §8: a dot, then one to four characters. A trailing dot is a code typed halfway.
  test.each(['97110', 'back pain', 'I6', 'I69.35123', '169.351', 'M54.', 'r69.'])(
    '%j is not ICD-10-CM shaped',
    (typed) => {
      expect(normalizeDiagnosis(typed)).toMatchObject({ ok: false, empty: false });
    },
  );

  test('unshaped text is still tidied for the dx/invalid message', () => {
    expect(tidyDiagnosis('back pain')).toBe('BACKPAIN');
    expect(tidyDiagnosis('169351')).toBe('169351');
  });
});

describe('normalizeDxPointers', () => {
  const dx = ['I69.351', 'Z74.09', null, 'M62.81'];

  test.each([
    ['A', [0]],
    ['a', [0]],
    ['AB', [0, 1]],
    ['A,B', [0, 1]],
    ['A B', [0, 1]],
    ['A, B, D', [0, 1, 3]],
    ['1,2', [0, 1]],
    ['1', [0]],
    [2, [1]],
    ['13', [0, 2]],
    ['I69.351', [0]],
    ['i69351, z7409', [0, 1]],
    [
      ['A', 'B'],
      [0, 1],
    ],
    [
      [1, 2],
      [0, 1],
    ],
    ['A,A', [0]],
    ['C', [2]],
    ['L', [11]],
  ])('%j → %j', (typed, pointers) => {
    expect(normalizeDxPointers(typed, dx)).toEqual({ ok: true, value: { pointers, errors: [] } });
  });

  test('"12" with fewer than ten diagnoses is read as 1 and 2, and kept as a guess (it may mean L)', () => {
    expect(normalizeDxPointers('12', dx)).toEqual({
      ok: true,
      value: { pointers: [0, 1], errors: [], guesses: ['12'] },
    });
  });

  test.each([
    ['13', ['M17.11'], [], ['13']],
    ['21', ['M17.11'], [], ['21']],
    ['10', dx, [9], []],
    ['Z99.9', dx, [], ['Z99.9']],
  ])('%j with %j → pointers %j, unresolved %j', (typed, list, pointers, errors) => {
    expect(normalizeDxPointers(typed, list)).toEqual({ ok: true, value: { pointers, errors } });
  });

  test('"12" is slot 12 when the claim has twelve diagnoses', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `M54.5${i}`);
    expect(normalizeDxPointers('12', twelve)).toMatchObject({ ok: true, value: { pointers: [11] } });
    expect(normalizeDxPointers('10,11', twelve)).toMatchObject({ ok: true, value: { pointers: [9, 10] } });
  });

  test.each([
    ['M', [], ['M']],
    ['A, Z', [0], ['Z']],
    ['20', [], ['20']],
    ['0', [], ['0']],
    ['R69', [], ['R69']],
    ['A-C', [], ['A-C']],
  ])('%j → pointers %j, unresolved %j', (typed, pointers, errors) => {
    expect(normalizeDxPointers(typed, dx)).toEqual({ ok: true, value: { pointers, errors } });
  });

  test.each([null, '', ' ', [], [null, '']])('%j is empty', (typed) => {
    expect(normalizeDxPointers(typed, dx)).toMatchObject({ ok: false, empty: true });
  });
});
