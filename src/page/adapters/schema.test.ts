import { describe, expect, test } from 'vitest';
import { ADAPTERS } from './index';
import { hostMatches } from './match';
import { SiteAdapterSchema, validAdapters } from './schema';

describe('site adapters', () => {
  test('the built-in adapters all validate (none silently dropped)', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual(['therachart']);
    for (const adapter of ADAPTERS) expect(SiteAdapterSchema.safeParse(adapter).success).toBe(true);
    expect(validAdapters(ADAPTERS)).toHaveLength(ADAPTERS.length);
  });

  test('an invalid adapter is left out, the valid ones kept', () => {
    const good = {
      id: 'x',
      name: 'X',
      match: { hosts: ['x.example'] },
      fields: [{ role: 'code', selector: '.c' }],
    };
    const badRole = { ...good, id: 'y', fields: [{ role: 'colour', selector: '.c' }] };
    const noHosts = { ...good, id: 'z', match: { hosts: [] } };
    expect(validAdapters([good, badRole, noHosts, null, 'x']).map((a) => a.id)).toEqual(['x']);
  });

  test.each([
    ['*.therachart.example', 'clinic1.therachart.example', true],
    ['*.therachart.example', 'therachart.example.evil.test', false],
    ['portal.example.com', 'PORTAL.example.com', true],
    ['/charges/*', '/charges/123/edit', true],
    ['/charges/*', '/admin/charges/1', false],
  ])('%s matches %s: %s', (pattern, value, ok) => {
    expect(hostMatches(pattern, value)).toBe(ok);
  });
});
