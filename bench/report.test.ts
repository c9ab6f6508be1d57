import { describe, expect, test } from 'vitest';
import { type Figure, table, verdict } from './report';

const load: Figure = {
  key: 'loadRatio',
  value: 1.03,
  unit: '',
  budget: { kind: 'max', limit: 1.02 },
  method: 'm',
};
const core: Figure = {
  key: 'core',
  value: 150_000,
  unit: '/s',
  budget: { kind: 'min', limit: 100_000 },
  method: 'm',
};

describe('bench report', () => {
  test('verdicts follow the budget direction', () => {
    expect(verdict(load, true)).toBe('FAIL');
    expect(verdict({ ...load, value: 1.02 }, true)).toBe('pass');
    expect(verdict(core, true)).toBe('pass');
    expect(verdict({ ...core, value: 99_999 }, true)).toBe('FAIL');
  });

  test('quick runs and figures without a budget are not judged; unmeasured ones say so', () => {
    expect(verdict(load, false)).toBe('-');
    expect(verdict({ ...load, budget: undefined }, true)).toBe('-');
    expect(verdict({ ...load, value: null }, true)).toBe('n/a');
  });

  test('the table has one row per figure with its method', () => {
    const lines = table([load, core], true).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^loadRatio\s+1\.030\s+≤ 1\.020\s+FAIL\s+m$/);
  });
});
