import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  ASSISTANT_MODIFIERS,
  DISCIPLINE_OF_MODIFIER,
  DISTINCT_SERVICE_MODIFIERS,
  KNOWN_MODIFIERS,
  MODIFIER_CONFLICTS,
} from '../data/modifiers';
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
});
