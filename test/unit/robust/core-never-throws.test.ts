import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkClaim } from '../../../src/core';
import { coreProperty, internalProblemShape, judgeCheck } from './core-fuzz';

/** Issue 6.5: the core never throws, whatever it is given (the million-run version: `npm run fuzz`). */

test('the probe finds the shape of a swallowed internal exception (the judge can fail)', () => {
  const shape = internalProblemShape();
  expect(JSON.parse(shape)).toHaveLength(1);
  const throwing = {
    get tables(): never {
      throw new Error('probe');
    },
  };
  expect(judgeCheck({ lines: [] }, throwing, shape)).toMatch(/internal exception/);
  expect(
    judgeCheck({ lines: [{ code: '97110', units: 1, minutes: 15, modifiers: ['GP'] }] }, undefined, shape),
  ).toBeNull();
});

test('checkClaim neither throws nor hides a crash on 10,000 generated inputs', () => {
  fc.assert(coreProperty(internalProblemShape()), { numRuns: 10_000 });
}, 120_000);

test('checkClaim survives inputs that fight back (getters that throw, proxies, cycles)', () => {
  const shape = internalProblemShape();
  const cyclic: Record<string, unknown> = { lines: [] };
  cyclic.self = cyclic;
  (cyclic.lines as unknown[]).push(cyclic);
  const trap = new Proxy(
    {},
    {
      get() {
        throw new Error('page getter');
      },
    },
  );
  const throwingLine = {
    get code(): never {
      throw new Error('page getter');
    },
  };
  for (const input of [cyclic, trap, { lines: trap }, { lines: [throwingLine] }, { lines: new Array(1e5) }]) {
    expect(() => checkClaim(input)).not.toThrow();
  }
  // A claim-shaped input whose parts are ordinary must be checked, not swallowed.
  expect(judgeCheck({ lines: [{ code: '97110', minutes: 38, units: 3 }] }, undefined, shape)).toBeNull();
});
