import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  ASSISTANT_MODIFIERS,
  DISCIPLINE_OF_MODIFIER,
  DISTINCT_SERVICE_MODIFIERS,
  KNOWN_MODIFIERS,
  MODIFIER_CONFLICTS,
} from '../data/modifiers';
import { resolveProfile } from '../profile';
import { BUILT_IN_LOOKUP, buildContext } from './context';
import {
  ASSISTANT,
  AUDIO,
  CONFLICTING,
  DISCIPLINE,
  DISTINCT,
  GA,
  KNOWN,
  KX,
  MISPLACEABLE,
  modifierKind,
  modifierKinds,
  UNKNOWN_SEEN,
  VIDEO,
} from './modifier-kinds';

/** Each kind bit and the membership it stands for, read from the data sets themselves. */
const KINDS: [number, (m: string) => boolean][] = [
  [KNOWN, (m) => KNOWN_MODIFIERS.has(m)],
  [DISCIPLINE, (m) => DISCIPLINE_OF_MODIFIER.has(m)],
  [ASSISTANT, (m) => ASSISTANT_MODIFIERS.has(m)],
  [DISTINCT, (m) => DISTINCT_SERVICE_MODIFIERS.has(m)],
  [MISPLACEABLE, (m) => m === '25' || m === '52' || DISTINCT_SERVICE_MODIFIERS.has(m)],
  [CONFLICTING, (m) => MODIFIER_CONFLICTS.some((c) => c.a === m)],
  [VIDEO, (m) => m === '95'],
  [AUDIO, (m) => m === '93'],
  [KX, (m) => m === 'KX'],
  [GA, (m) => m === 'GA'],
];

function expectSameAsSets(m: string): void {
  for (const [bit, member] of KINDS) expect((modifierKind(m) & bit) !== 0, `${m} ${bit}`).toBe(member(m));
}

test('each modifier kind is exactly membership of its data set', () => {
  for (const m of KNOWN_MODIFIERS) expectSameAsSets(m);
  for (const m of ['', 'G', 'gp', 'GPX', 'ÄB', 'G\u0000', '5', '00', 'ZZ']) expectSameAsSets(m);
  fc.assert(
    fc.property(fc.string({ maxLength: 3 }), (m) => expectSameAsSets(m)),
    { numRuns: 5000 },
  );
});

test('a line’s kinds are its modifiers’ kinds together', () => {
  expect(modifierKinds([])).toBe(0);
  expect(modifierKinds(['GP', 'KX'])).toBe(modifierKind('GP') | modifierKind('KX'));
  expect(modifierKinds(['CQ', '59']) & (ASSISTANT | DISTINCT)).toBe(ASSISTANT | DISTINCT);
  expect(modifierKinds(['GP', 'KX']) & UNKNOWN_SEEN).toBe(0);
  expect(modifierKinds(['GP', 'ZZ']) & UNKNOWN_SEEN).toBe(UNKNOWN_SEEN);
  expect(modifierKinds(['GP', 'G']) & UNKNOWN_SEEN).toBe(UNKNOWN_SEEN);
});

test('each line view holds its modifiers’ kinds and its one discipline modifier’s discipline', () => {
  const lines = [
    ['GP'],
    ['GP', 'KX'],
    ['ZZ'],
    [],
    ['GO', 'GP'],
    ['GP', 'GP'],
    ['CQ', '95', '93', 'GA'],
    ['gp'],
  ];
  const claim = {
    payer: 'medicare',
    dateOfService: '2026-03-02',
    placeOfService: '11',
    discipline: null,
    renderedBy: null,
    ytdTherapyCharges: null,
    diagnoses: [],
    lines: lines.map((modifiers, index) => ({
      index,
      code: '97110',
      modifiers,
      units: 1,
      minutes: 15,
      dxPointers: [],
      dxPointerErrors: [],
      dxPointerGuesses: undefined,
      charge: null,
      dateOfService: null,
      placeOfService: null,
      raw: {},
    })),
  };
  const views = buildContext(claim, resolveProfile('medicare'), BUILT_IN_LOOKUP).lines;
  expect(views.map((v) => v.modifierKinds)).toEqual(lines.map(modifierKinds));
  expect(views.map((v) => v.modifierDiscipline)).toEqual(['PT', 'PT', null, null, null, 'PT', null, null]);
});
