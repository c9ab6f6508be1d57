import { describe, expect, test } from 'vitest';
import { parseUnitsRequest } from './units-request';

describe('parseUnitsRequest', () => {
  test('the design.md request; method defaults to CMS; minutes as text; untimed codes without minutes', () => {
    expect(parseUnitsRequest({ method: 'ama', codes: [{ code: '97110', minutes: 33 }] })).toEqual({
      ok: true,
      request: { method: 'ama', codes: [{ code: '97110', minutes: 33 }] },
    });
    expect(
      parseUnitsRequest({
        codes: [
          { code: 'g0283', units: 2 },
          { code: 97110, minutes: '0:30' },
        ],
      }),
    ).toEqual({
      ok: true,
      request: {
        method: 'cms',
        codes: [
          { code: 'G0283', minutes: 0, units: 2 },
          { code: '97110', minutes: 30 },
        ],
      },
    });
  });

  test.each([
    [{ method: 'pt', codes: [] }, '', 'method: expected "cms" or "ama"'],
    [{ method: 'cms' }, '', 'codes: required'],
    [{ codes: 'x' }, '', 'codes: expected a list'],
    [{ codes: [5] }, '', 'codes[0]: expected an object'],
    [{ codes: [{ minutes: 5 }] }, '', 'codes[0].code: required'],
    [
      { codes: [{ code: 'therapy', minutes: 5 }] },
      '',
      'codes[0].code: expected a CPT or HCPCS code such as 97110',
    ],
    [{ codes: [{ code: '97110' }] }, '', 'codes[0].minutes: required'],
    [{ codes: [{ code: '97110', minutes: 'soon' }] }, '', 'codes[0].minutes: expected minutes'],
    [
      { codes: [{ code: '97161', units: 0 }] },
      '',
      'codes[0].units: expected a whole number of units, 1 or more',
    ],
    [{ codes: [{ code: '97110', minutes: -4 }] }, '[1]', '[1].codes[0].minutes: '],
    ['x', '[1]', '[1]: expected an object'],
    [7, '', 'input: expected an object'],
    [[], '', 'input: expected an object'],
  ])('%j under %j → %s', (input, root, error) => {
    const result = parseUnitsRequest(input, root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(error)).toBe(true);
  });
});
