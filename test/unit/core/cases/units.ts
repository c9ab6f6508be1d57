import { claim, line } from '../claims';
import type { RuleCase } from './types';

/** CMS Pub. 100-04, ch. 5, §20.2 worked examples and facts §2 CMS/AMA differences, both ways. */
export const UNITS_CASES: RuleCase[] = [
  // §20.2 example 1: 97112 24 min + 97110 23 min = 47 min → 3 units: 97112 ×2, 97110 ×1.
  {
    name: '§20.2 ex. 1 billed as the manual says',
    claim: claim([line('97112', ['GP'], 2, 24), line('97110', ['GP'], 1, 23)]),
    quiet: [
      'units/exceeds-minutes',
      'units/under-billed',
      'units/allocation',
      'units/below-minimum',
      'units/invalid',
    ],
  },
  {
    name: '§20.2 ex. 1 with a unit too many on 97110',
    claim: claim([line('97112', ['GP'], 2, 24), line('97110', ['GP'], 2, 23)]),
    fires: [{ rule: 'units/exceeds-minutes', line: 1, severity: 'error', fix: { line: 1, setUnits: 1 } }],
    quiet: ['units/under-billed', 'units/allocation'],
  },
  {
    name: '§20.2 ex. 1 with a unit missing on 97112',
    claim: claim([line('97112', ['GP'], 1, 24), line('97110', ['GP'], 1, 23)]),
    fires: [{ rule: 'units/under-billed', line: 0, fix: { line: 0, setUnits: 2 } }],
    quiet: ['units/exceeds-minutes', 'units/allocation'],
  },
  {
    name: '§20.2 ex. 1 with the right total on the wrong codes',
    claim: claim([line('97112', ['GP'], 1, 24), line('97110', ['GP'], 2, 23)]),
    fires: [{ rule: 'units/allocation', fix: null }],
    quiet: ['units/exceeds-minutes', 'units/under-billed'],
  },
  // §20.2 example 2: 20 + 20 = 40 min → 3 units, 2 on either code: a tie is not a finding.
  {
    name: '§20.2 ex. 2, extra unit on the first code',
    claim: claim([line('97112', ['GP'], 2, 20), line('97110', ['GP'], 1, 20)]),
    quiet: ['units/allocation', 'units/exceeds-minutes', 'units/under-billed'],
  },
  {
    name: '§20.2 ex. 2, extra unit on the second code (the clinician chose)',
    claim: claim([line('97112', ['GP'], 1, 20), line('97110', ['GP'], 2, 20)]),
    quiet: ['units/allocation', 'units/exceeds-minutes', 'units/under-billed'],
  },
  {
    name: '§20.2 ex. 2 with 4 units: over, but tied codes get no automatic fix',
    claim: claim([line('97112', ['GP'], 2, 20), line('97110', ['GP'], 2, 20)]),
    fires: [{ rule: 'units/exceeds-minutes', fix: null }],
  },
  // §20.2 example 3: 97110 33 + 97140 7 = 40 min → 97110 ×2, 97140 ×1 (under 8 minutes can get a unit).
  {
    name: '§20.2 ex. 3: 7 minutes of 97140 earns the third unit under CMS',
    claim: claim([line('97110', ['GP'], 2, 33), line('97140', ['GP'], 1, 7)]),
    quiet: ['units/below-minimum', 'units/exceeds-minutes', 'units/allocation'],
  },
  // Facts §2: 97110 20 + 97140 18 → CMS 3 units, AMA 2.
  {
    name: 'CMS: 97110 20 + 97140 18 min → 3 units',
    claim: claim([line('97110', ['GP'], 2, 20), line('97140', ['GP'], 1, 18)]),
    quiet: ['units/exceeds-minutes', 'units/under-billed', 'units/allocation'],
  },
  {
    name: 'AMA (commercial): the same visit supports 97110 ×1 only',
    claim: claim([line('97110', ['GP'], 2, 20), line('97140', ['GP'], 1, 18)], { payer: 'commercial' }),
    fires: [{ rule: 'units/exceeds-minutes', line: 0, fix: { line: 0, setUnits: 1 } }],
  },
  {
    name: 'AMA: 97110 10 + 97112 10 + 97140 10 → 3 units (CMS would give 2)',
    claim: claim([line('97110', ['GP'], 1, 10), line('97112', ['GP'], 1, 10), line('97140', ['GP'], 1, 10)], {
      payer: 'commercial',
    }),
    quiet: ['units/exceeds-minutes', 'units/under-billed', 'units/below-minimum'],
  },
  {
    name: 'CMS: 97110 10 + 97112 10 + 97140 10 → 2 units, 3 billed',
    claim: claim([line('97110', ['GP'], 1, 10), line('97112', ['GP'], 1, 10), line('97140', ['GP'], 1, 10)]),
    fires: [{ rule: 'units/exceeds-minutes' }],
  },
  {
    name: 'AMA: 7 minutes of 97140 on its own cannot reach a unit',
    claim: claim([line('97110', ['GP'], 1, 7), line('97140', ['GP'], 1, 7)], { payer: 'commercial' }),
    fires: [
      { rule: 'units/below-minimum', line: 0 },
      { rule: 'units/below-minimum', line: 1 },
    ],
  },
  {
    name: 'A single timed service of 7 minutes bills nothing',
    claim: claim([line('97110', ['GP'], 1, 7)]),
    fires: [{ rule: 'units/below-minimum', line: 0, severity: 'error' }],
    quiet: ['units/exceeds-minutes'],
  },
  {
    name: 'A single timed service of 8 minutes is one unit',
    claim: claim([line('97110', ['GP'], 1, 8)]),
    quiet: ['units/below-minimum', 'units/exceeds-minutes', 'units/under-billed'],
  },
  {
    name: '22 minutes is one unit, billed as two',
    claim: claim([line('97530', ['GP'], 2, 22)]),
    fires: [{ rule: 'units/exceeds-minutes', fix: { line: 0, setUnits: 1 } }],
  },
  {
    name: '23 minutes is two units',
    claim: claim([line('97530', ['GP'], 2, 23)]),
    quiet: ['units/exceeds-minutes', 'units/under-billed'],
  },
  {
    name: 'Untimed evaluation minutes do not count toward timed units',
    claim: claim([line('97161', ['GP'], 1, 45), line('97110', ['GP'], 1, 15)]),
    quiet: ['units/exceeds-minutes', 'units/under-billed', 'units/allocation'],
  },
  ...[
    ['text', 'two'],
    ['zero', 0],
    ['negative', -1],
    ['fraction', 1.5],
    ['missing', ''],
  ].map(
    ([what, units]): RuleCase => ({
      name: `units/invalid: ${what}`,
      claim: claim([line('97110', ['GP'], units, 15)]),
      fires: [{ rule: 'units/invalid', line: 0, severity: 'error' }],
    }),
  ),
  {
    name: 'Units as text a portal holds ("2.0") are read as 2',
    claim: claim([line('97110', ['GP'], '2.0', 30)]),
    quiet: ['units/invalid', 'units/exceeds-minutes'],
  },
  {
    name: 'Without minutes, units are not compared: one check/skipped',
    claim: claim([line('97110', ['GP'], 3, null), line('97140', ['GP'], 1, null)]),
    quiet: ['units/exceeds-minutes', 'units/under-billed', 'units/allocation'],
  },
  // §20.2 ties are the clinician's: a tie already settled by what was billed leaves one clear gap.
  // 97110 37 + 97140 7 = 44 min = 3 units; 97110 has 2 full units, the third is tied (7 leftover
  // each). 97140 already holds it, so 97110 is one short.
  {
    name: 'Tie settled on 97140: 97110 ×1 is under-billed, set 2',
    claim: claim([line('97110', ['GP'], 1, 37), line('97140', ['GP'], 1, 7)]),
    fires: [{ rule: 'units/under-billed', line: 0, fix: { line: 0, setUnits: 2 } }],
    quiet: ['units/allocation', 'units/exceeds-minutes'],
  },
  {
    name: 'Tie settled on 97110 (×3, 97140 left off at 0): right',
    claim: claim([line('97110', ['GP'], 3, 37), line('97140', ['GP'], 0, 7)]),
    fires: [{ rule: 'units/allocation', line: 1, severity: 'info', fix: null }],
    quiet: ['units/under-billed', 'units/exceeds-minutes', 'units/invalid'],
  },
  {
    name: '§20.2 ex. 2 billed 3 + 1: one placement is closest, set 97112 to 2',
    claim: claim([line('97112', ['GP'], 3, 20), line('97110', ['GP'], 1, 20)]),
    fires: [{ rule: 'units/exceeds-minutes', line: 0, fix: { line: 0, setUnits: 2 } }],
  },
  {
    name: '§20.2 ex. 2 billed 1 + 1: either code may take the unit, no automatic fix',
    claim: claim([line('97112', ['GP'], 1, 20), line('97110', ['GP'], 1, 20)]),
    fires: [{ rule: 'units/under-billed', fix: null }],
  },
  // 0 units on a line the method gives nothing: leave it off, never "enter the units".
  {
    name: 'CMS 10 + 10 + 10 min = 2 units, 97112 at 0: remove the line (info), no units/invalid',
    claim: claim([line('97110', ['GP'], 1, 10), line('97112', ['GP'], 0, 10), line('97140', ['GP'], 1, 10)]),
    fires: [{ rule: 'units/allocation', line: 1, severity: 'info', fix: null }],
    quiet: ['units/invalid', 'units/under-billed', 'units/exceeds-minutes'],
  },
  {
    name: 'CMS 7 + 7 min = 1 unit on 97140, 97110 at 0: remove the line (info)',
    claim: claim([line('97110', ['GP'], 0, 7), line('97140', ['GP'], 1, 7)]),
    fires: [{ rule: 'units/allocation', line: 0, severity: 'info', fix: null }],
    quiet: ['units/invalid', 'units/under-billed', 'units/exceeds-minutes', 'units/below-minimum'],
  },
  {
    name: 'A single 5-minute service at 0 units: remove the line (info)',
    claim: claim([line('97110', ['GP'], 0, 5)]),
    fires: [{ rule: 'units/allocation', line: 0, severity: 'info', fix: null }],
    quiet: ['units/invalid', 'units/below-minimum'],
  },
  {
    name: '0 units where the minutes earn one: units/invalid, set 1',
    claim: claim([line('97110', ['GP'], 2, 30), line('97112', ['GP'], 0, 15)]),
    fires: [{ rule: 'units/invalid', line: 1, severity: 'error', fix: { line: 1, setUnits: 1 } }],
  },
  {
    name: '0 units on an untimed evaluation: units/invalid',
    claim: claim([line('97161', ['GP'], 0, 30)]),
    fires: [{ rule: 'units/invalid', line: 0, severity: 'error', fix: null }],
  },
  {
    name: '0 units with no minutes on the day: units/invalid (nothing to compare with)',
    claim: claim([line('97110', ['GP'], 0, null)]),
    fires: [{ rule: 'units/invalid', line: 0 }],
  },
  // 97129 (first 15 min, once a day) + 97130 (each further 15 min, only with 97129): facts §3.
  {
    name: '97129 ×1 for 45 minutes: under-billed by 97130 ×2 (no fix can add the line)',
    claim: claim([line('97129', ['GN'], 1, 45)]),
    fires: [{ rule: 'units/under-billed', line: 0, fix: null }],
    quiet: ['units/allocation', 'units/exceeds-minutes'],
  },
  {
    name: 'AMA: 97129 ×1 for 45 minutes is under-billed the same way',
    claim: claim([line('97129', ['GN'], 1, 45)], { payer: 'commercial' }),
    fires: [{ rule: 'units/under-billed', line: 0, fix: null }],
  },
  {
    name: '97129 ×1 + 97130 ×2 for 45 minutes: right',
    claim: claim([line('97129', ['GN'], 1, 15), line('97130', ['GN'], 2, 30)]),
    quiet: ['units/under-billed', 'units/allocation', 'units/exceeds-minutes'],
  },
  {
    name: '97130 ×2 for 30 minutes with no 97129: an add-on alone (error), no fix',
    claim: claim([line('97130', ['GN'], 2, 30)]),
    fires: [{ rule: 'units/allocation', line: 0, severity: 'error', fix: null }],
    quiet: ['units/exceeds-minutes', 'units/under-billed'],
  },
  {
    name: '97130 ×1 for 15 minutes with no 97129: an add-on alone',
    claim: claim([line('97130', ['GN'], 1, 15)]),
    fires: [{ rule: 'units/allocation', line: 0, severity: 'error' }],
  },
  // A day has 1,440 minutes: at most 96 fifteen-minute units.
  ...(
    [
      ['1e308', 1e308],
      ['97', 97],
      ['"1000"', '1000'],
    ] as const
  ).map(
    ([what, units]): RuleCase => ({
      name: `units ${what} on 97110: units/invalid, never a units-to-minutes comparison`,
      claim: claim([line('97110', ['GP'], units, 30)]),
      fires: [{ rule: 'units/invalid', line: 0, severity: 'error', fix: null }],
      quiet: ['units/exceeds-minutes', 'units/excessive'],
    }),
  ),
  {
    name: '96 units of an untimed code is still a count (a full day)',
    claim: claim([line('97010', ['GP'], 96, null)]),
    quiet: ['units/invalid'],
  },
  // Facts §7: 97535 at most 8 units a day (M).
  {
    name: '97535 ×9 in a day is above the usual maximum',
    claim: claim([line('97535', ['GO'], 9, 135)], { diagnoses: ['I69.351'] }),
    fires: [{ rule: 'units/excessive', severity: 'warning' }],
  },
  {
    name: '97535 ×9 under Medicaid (strict MUE) is an error',
    claim: claim([line('97535', ['GO'], 9, 135)], { payer: 'medicaid', diagnoses: ['I69.351'] }),
    fires: [{ rule: 'units/excessive', severity: 'error' }],
  },
  {
    name: '97535 ×8 is at the maximum, not above',
    claim: claim([line('97535', ['GO'], 8, 120)], { diagnoses: ['I69.351'] }),
    quiet: ['units/excessive'],
  },
  // One evaluation per session (data/mue.ts, M): ×2 is above the usual maximum, never an error of ours.
  {
    name: '97162 ×2 is above the usual maximum of 1',
    claim: claim([line('97162', ['GP'], 2, 45)]),
    fires: [{ rule: 'units/excessive', line: 0, severity: 'warning' }],
    quiet: ['units/invalid'],
  },
  {
    name: '97162 ×1 is one evaluation',
    claim: claim([line('97162', ['GP'], 1, 45)]),
    quiet: ['units/excessive'],
  },
  {
    name: 'A loaded MUE table replaces the built-in maximum',
    claim: claim([line('97535', ['GO'], 9, 135)], { diagnoses: ['I69.351'] }),
    options: {
      tables: {
        mue: { version: 'MUE 2026 Q1', entries: [{ code: '97535', maxUnits: 12, source: 'CMS MUE' }] },
      },
    },
    quiet: ['units/excessive'],
  },
];
