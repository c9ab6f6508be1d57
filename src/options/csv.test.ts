import { expect, test } from 'vitest';
import { csvCell, overridesCsv } from './csv';

test('override log CSV: header, quoting, formula cells neutralised', () => {
  const csv = overridesCsv([
    {
      time: '2026-01-07T15:04:00.000Z',
      site: 'portal.x.com',
      rule: 'ncci/pair-needs-modifier',
      reason: 'separate, "timed" blocks',
    },
    { time: '2026-01-08T09:00:00.000Z', site: 'a.com', rule: 'units/excessive', reason: '=HYPERLINK("x")' },
  ]);
  expect(csv.split('\r\n')).toEqual([
    'time,site,rule,reason',
    '2026-01-07T15:04:00.000Z,portal.x.com,ncci/pair-needs-modifier,"separate, ""timed"" blocks"',
    `2026-01-08T09:00:00.000Z,a.com,units/excessive,"'=HYPERLINK(""x"")"`,
    '',
  ]);
  expect(csvCell('-1')).toBe("'-1");
  expect(csvCell('plain')).toBe('plain');
});
