import { claim, line } from '../claims';
import type { RuleCase } from './types';

/** Facts §6: 97140 (column 1) / 97530 (column 2), indicator 1; documented non-pairs stay quiet. */
export const NCCI_CASES: RuleCase[] = [
  {
    name: '97140 + 97530 without a distinct-service modifier: no automatic fix',
    claim: claim([line('97140', ['GP'], 1, 15), line('97530', ['GP'], 1, 15)]),
    fires: [{ rule: 'ncci/pair-needs-modifier', line: 1, severity: 'warning', fix: null }],
  },
  ...['59', 'XU', 'XE', 'XS', 'XP'].map(
    (m): RuleCase => ({
      name: `97140 + 97530-${m}`,
      claim: claim([line('97140', ['GP'], 1, 15), line('97530', ['GP', m], 1, 15)]),
      quiet: ['ncci/pair-needs-modifier'],
    }),
  ),
  {
    name: '59 on the column-1 code does not unbundle the column-2 code',
    claim: claim([line('97140', ['GP', '59'], 1, 15), line('97530', ['GP'], 1, 15)]),
    fires: [{ rule: 'ncci/pair-needs-modifier', line: 1 }],
  },
  {
    name: 'On different dates the pair does not apply',
    claim: claim([
      line('97140', ['GP'], 1, 15, { dateOfService: '2025-06-02' }),
      line('97530', ['GP'], 1, 15, { dateOfService: '2025-06-03' }),
    ]),
    quiet: ['ncci/pair-needs-modifier'],
  },
  {
    name: 'PT re-evaluation with 97530: modifier on the re-evaluation',
    claim: claim([line('97530', ['GP'], 1, 15), line('97164', ['GP'], 1, 20)]),
    fires: [{ rule: 'ncci/pair-needs-modifier', line: 1 }],
  },
  // Known guide error: 59 whenever 97535 and 97530 share a day.
  {
    name: '97530 + 97110 (no edit)',
    claim: claim([line('97530', ['GP'], 1, 15), line('97110', ['GP'], 1, 15)]),
    quiet: ['ncci/pair-needs-modifier', 'ncci/pair-never'],
  },
  {
    name: '97530 + 97535 (no documented edit)',
    claim: claim([line('97535', ['GO'], 1, 15), line('97530', ['GO'], 1, 15)], { diagnoses: ['I69.351'] }),
    quiet: ['ncci/pair-needs-modifier', 'ncci/pair-never'],
  },
  {
    name: '97535 + OT evaluation (no documented edit)',
    claim: claim([line('97166', ['GO'], 1, 45), line('97535', ['GO'], 2, 30)], { diagnoses: ['I69.351'] }),
    quiet: ['ncci/pair-needs-modifier'],
  },
  {
    name: 'A loaded table with an indicator-0 pair',
    claim: claim([line('97110', ['GP'], 1, 15), line('97150', ['GP'], 1, 30)]),
    options: {
      tables: {
        ncci: {
          version: 'test PTP 2025Q2',
          pairs: [
            {
              column1: '97110',
              column2: '97150',
              modifierIndicator: 0,
              effective: '2020-01-01',
              deleted: null,
              source: 'test',
            },
          ],
        },
      },
    },
    fires: [{ rule: 'ncci/pair-never', line: 1, severity: 'error' }],
  },
  {
    name: 'A modifier does not unbundle an indicator-0 pair',
    claim: claim([line('97110', ['GP'], 1, 15), line('97150', ['GP', '59'], 1, 30)]),
    options: {
      tables: {
        ncci: {
          version: 'test PTP 2025Q2',
          pairs: [
            {
              column1: '97110',
              column2: '97150',
              modifierIndicator: 0,
              effective: '2020-01-01',
              deleted: null,
              source: 't',
            },
          ],
        },
      },
    },
    fires: [{ rule: 'ncci/pair-never', line: 1 }],
  },
  {
    name: 'A deleted pair no longer applies after its deletion date',
    claim: claim([line('97110', ['GP'], 1, 15), line('97150', ['GP'], 1, 30)]),
    options: {
      tables: {
        ncci: {
          version: 'test PTP 2025Q2',
          pairs: [
            {
              column1: '97110',
              column2: '97150',
              modifierIndicator: 0,
              effective: '2020-01-01',
              deleted: '2025-01-01',
              source: 't',
            },
          ],
        },
      },
    },
    quiet: ['ncci/pair-never'],
  },
  {
    name: 'A loaded table replaces the built-in pairs',
    claim: claim([line('97140', ['GP'], 1, 15), line('97530', ['GP'], 1, 15)]),
    options: { tables: { ncci: { version: 'empty', pairs: [] } } },
    quiet: ['ncci/pair-needs-modifier'],
  },
];
