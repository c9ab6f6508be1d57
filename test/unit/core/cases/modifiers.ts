import { claim, line } from '../claims';
import type { RuleCase } from './types';

/** Facts §3 (discipline), §4 (assistants), §10 (other modifiers). */
export const DISCIPLINE_CASES: RuleCase[] = [
  {
    name: '97110 without GP/GO/GN and no clue to the discipline: no fix',
    claim: claim([line('97110', [], 1, 15)]),
    fires: [{ rule: 'modifier/discipline-missing', line: 0, severity: 'error', fix: null }],
  },
  {
    name: 'Other lines agree on GP: fix adds GP',
    claim: claim([line('97112', ['GP'], 1, 15), line('97110', [], 1, 15)]),
    fires: [{ rule: 'modifier/discipline-missing', line: 1, fix: { line: 1, addModifier: 'GP' } }],
  },
  {
    name: 'An OT evaluation on the claim fixes the discipline: fix adds GO',
    claim: claim([line('97165', ['GO'], 1, 30), line('97535', [], 1, 15)], { diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/discipline-missing', line: 1, fix: { line: 1, addModifier: 'GO' } }],
  },
  {
    name: "The claim's discipline fixes it",
    claim: claim([line('97535', [], 1, 15)], { discipline: 'OT' }),
    fires: [{ rule: 'modifier/discipline-missing', fix: { line: 0, addModifier: 'GO' } }],
  },
  {
    name: 'Lines disagree (GP and GO elsewhere): no fix',
    claim: claim([line('97112', ['GP'], 1, 15), line('97535', ['GO'], 1, 15), line('97110', [], 1, 15)]),
    fires: [{ rule: 'modifier/discipline-missing', line: 2, fix: null }],
  },
  // Facts §4: CQ goes only with GP, CO only with GO, so an assistant modifier names the discipline.
  {
    name: '97110 with CQ alone: add GP',
    claim: claim([line('97110', ['CQ'], 1, 15)], { renderedBy: 'assistant' }),
    fires: [
      {
        rule: 'modifier/discipline-missing',
        line: 0,
        severity: 'error',
        fix: { line: 0, addModifier: 'GP' },
      },
    ],
  },
  {
    name: '97535 with CO alone: add GO',
    claim: claim([line('97535', ['CO'], 1, 15)], { renderedBy: 'assistant', diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/discipline-missing', line: 0, fix: { line: 0, addModifier: 'GO' } }],
  },
  {
    name: "97110 with CQ on an OT clinician's claim: the claim contradicts itself, no fix",
    claim: claim([line('97110', ['CQ'], 1, 15)], { discipline: 'OT' }),
    fires: [{ rule: 'modifier/discipline-missing', line: 0, fix: null }],
  },
  {
    name: 'Commercial: a missing discipline modifier is a warning',
    claim: claim([line('97110', ['GP'], 1, 15), line('97140', [], 1, 15)], { payer: 'commercial' }),
    fires: [{ rule: 'modifier/discipline-missing', severity: 'warning' }],
  },
  {
    name: 'GP on 97110 is what Medicare wants',
    claim: claim([line('97110', ['GP'], 1, 15)]),
    quiet: ['modifier/discipline-missing', 'modifier/discipline-conflict'],
  },
  {
    name: 'A non-therapy code needs no discipline modifier',
    claim: claim([line('99213', [], 1, null)]),
    quiet: ['modifier/discipline-missing'],
  },
  {
    name: 'GP and GO on one line',
    claim: claim([line('97110', ['GP', 'GO'], 1, 15)]),
    fires: [{ rule: 'modifier/discipline-conflict', severity: 'error', fix: null }],
  },
  {
    name: 'OT evaluation with GP: replace with GO',
    claim: claim([line('97166', ['GP'], 1, 45)]),
    fires: [
      { rule: 'modifier/discipline-conflict', fix: { line: 0, replaceModifier: { from: 'GP', to: 'GO' } } },
    ],
  },
  // The plan of care, not the clinician, sets the modifier: the finding hedges, so no one-click fix.
  {
    name: "GO on a PT clinician's line: an error, no automatic fix",
    claim: claim([line('97110', ['GO'], 1, 15)], { discipline: 'PT' }),
    fires: [{ rule: 'modifier/discipline-conflict', line: 0, severity: 'error', fix: null }],
  },
  {
    name: "GP on an OT clinician's 97530: no automatic fix",
    claim: claim([line('97530', ['GP'], 1, 15)], { discipline: 'OT' }),
    fires: [{ rule: 'modifier/discipline-conflict', line: 0, fix: null }],
  },
  {
    name: 'GP on 97535 beside an OT evaluation: a warning, no automatic fix (two clinicians may treat)',
    claim: claim([line('97166', ['GO'], 1, 45), line('97535', ['GP'], 1, 15)], { diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/discipline-conflict', line: 1, severity: 'warning', fix: null }],
  },
  {
    name: 'OT evaluation with GO by an OT',
    claim: claim([line('97166', ['GO'], 1, 45)], { discipline: 'OT' }),
    quiet: ['modifier/discipline-conflict'],
  },
];

export const ASSISTANT_CASES: RuleCase[] = [
  // Known guide error: "CO with GN" for SLP assistants. There is no SLP-assistant modifier.
  {
    name: 'CO with GN is an error, with no automatic fix',
    claim: claim([line('92507', ['GN', 'CO'], 1, 30)], { diagnoses: ['R13.12'] }),
    fires: [{ rule: 'modifier/assistant', severity: 'error', fix: null }],
  },
  {
    name: 'CQ with GN is an error too',
    claim: claim([line('92507', ['GN', 'CQ'], 1, 30)], { diagnoses: ['R13.12'] }),
    fires: [{ rule: 'modifier/assistant', fix: null }],
  },
  {
    name: 'CQ with GP (PT assistant) is right',
    claim: claim([line('97110', ['GP', 'CQ'], 1, 15)], { renderedBy: 'assistant' }),
    quiet: ['modifier/assistant'],
  },
  {
    name: 'CO with GO (OT assistant) is right',
    claim: claim([line('97535', ['GO', 'CO'], 1, 15)], { renderedBy: 'assistant', diagnoses: ['I69.351'] }),
    quiet: ['modifier/assistant'],
  },
  {
    name: 'CQ with GO is wrong',
    claim: claim([line('97535', ['GO', 'CQ'], 1, 15)], { diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/assistant' }],
  },
  {
    name: "CQ with GO on an OT clinician's claim: replace CQ with CO",
    claim: claim([line('97535', ['GO', 'CQ'], 1, 15)], { discipline: 'OT', diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/assistant', fix: { line: 0, replaceModifier: { from: 'CQ', to: 'CO' } } }],
  },
  {
    name: 'Assistant rendered a PT line without CQ: add CQ',
    claim: claim([line('97110', ['GP'], 1, 15)], { renderedBy: 'assistant' }),
    fires: [{ rule: 'modifier/assistant', fix: { line: 0, addModifier: 'CQ' } }],
  },
  {
    name: 'Assistant rendered an OT line without CO: add CO',
    claim: claim([line('97535', ['GO'], 1, 15)], { renderedBy: 'assistant', diagnoses: ['I69.351'] }),
    fires: [{ rule: 'modifier/assistant', fix: { line: 0, addModifier: 'CO' } }],
  },
  {
    name: 'Assistants do not bill evaluations',
    claim: claim([line('97161', ['GP'], 1, 30)], { renderedBy: 'assistant' }),
    fires: [{ rule: 'modifier/assistant', fix: null }],
  },
  // CQ/CO are Medicare modifiers (facts §4 cites CMS only): an error for Medicare and the
  // Medicare Advantage plans that follow its billing, a warning for other payers.
  ...(
    [
      ['medicare', 'error'],
      ['medicare-advantage', 'error'],
      ['medicaid', 'warning'],
      ['commercial', 'warning'],
    ] as const
  ).map(
    ([payer, severity]): RuleCase => ({
      name: `Assistant without CQ under ${payer}: ${severity}`,
      claim: claim([line('97110', ['GP'], 1, 15)], { renderedBy: 'assistant', payer }),
      fires: [{ rule: 'modifier/assistant', line: 0, severity, fix: { line: 0, addModifier: 'CQ' } }],
    }),
  ),
  {
    name: 'CQ on a line the claim says the therapist rendered: warning, no automatic fix',
    claim: claim([line('97110', ['GP', 'CQ'], 1, 15)], { renderedBy: 'therapist' }),
    fires: [{ rule: 'modifier/assistant', line: 0, severity: 'warning', fix: null }],
  },
  {
    name: 'CQ with no statement of who rendered it: nothing to contradict',
    claim: claim([line('97110', ['GP', 'CQ'], 1, 15)]),
    quiet: ['modifier/assistant'],
  },
  {
    name: 'A therapist-rendered line needs no CQ/CO',
    claim: claim([line('97110', ['GP'], 1, 15)], { renderedBy: 'therapist' }),
    quiet: ['modifier/assistant'],
  },
];

export const MODIFIER_MISC_CASES: RuleCase[] = [
  {
    name: 'A token that is not a modifier',
    claim: claim([line('97110', ['GP', 'GOO'], 1, 15)]),
    fires: [{ rule: 'modifier/unknown', severity: 'error' }],
  },
  {
    name: 'A well-formed modifier we do not know is only info',
    claim: claim([line('97110', ['GP', 'ZZ'], 1, 15)]),
    fires: [{ rule: 'modifier/unknown', severity: 'info' }],
  },
  {
    name: 'Known modifiers',
    claim: claim([line('97110', ['GP', 'KX'], 1, 15)], { ytdTherapyCharges: { PT_SLP: 2400, OT: 0 } }),
    quiet: ['modifier/unknown', 'modifier/conflict', 'modifier/misplaced'],
  },
  ...[
    ['GA', 'GZ'],
    ['GA', 'GY'],
    ['GZ', 'GY'],
  ].map(
    ([a, b]): RuleCase => ({
      name: `${a} with ${b} on one line`,
      claim: claim([line('97110', ['GP', a!, b!], 1, 15)]),
      fires: [{ rule: 'modifier/conflict', severity: 'error', fix: null }],
    }),
  ),
  // Facts §5: above the threshold it is KX (medically necessary) or an ABN and GA, never both.
  ...(['GA', 'GZ'] as const).map(
    (m): RuleCase => ({
      name: `KX with ${m} on one line over the 2026 threshold: conflict, no automatic fix`,
      claim: claim([line('97110', ['GP', 'KX', m], 1, 15, { charge: 50 })], {
        dateOfService: '2026-03-02',
        ytdTherapyCharges: { PT_SLP: 2470, OT: 0 },
      }),
      fires: [{ rule: 'modifier/conflict', line: 0, severity: 'error', fix: null }],
      quiet: ['modifier/kx-required'],
    }),
  ),
  {
    name: 'GA alone over the threshold (ABN on file, no KX): no conflict',
    claim: claim([line('97110', ['GP', 'GA'], 1, 15, { charge: 50 })], {
      dateOfService: '2026-03-02',
      ytdTherapyCharges: { PT_SLP: 2470, OT: 0 },
    }),
    quiet: ['modifier/conflict', 'modifier/kx-required'],
  },
  {
    name: '59 with XU on one line: keep the specific XU',
    claim: claim([line('97140', ['GP'], 1, 15), line('97530', ['GP', '59', 'XU'], 1, 15)]),
    fires: [{ rule: 'modifier/conflict', line: 1, fix: { line: 1, removeModifier: '59' } }],
  },
  {
    name: 'A modifier typed twice',
    claim: claim([line('97110', ['GP', 'GP'], 1, 15)]),
    fires: [{ rule: 'modifier/conflict', severity: 'warning', fix: { line: 0, removeModifier: 'GP' } }],
  },
  {
    name: '25 on a therapy code',
    claim: claim([line('97110', ['GP', '25'], 1, 15)]),
    fires: [{ rule: 'modifier/misplaced', severity: 'error', fix: { line: 0, removeModifier: '25' } }],
  },
  {
    name: '25 on an E/M code belongs there',
    claim: claim([line('99213', ['25'], 1, null), line('97110', ['GP'], 1, 15)]),
    quiet: ['modifier/misplaced'],
  },
  {
    name: '52 on a timed code for a short session',
    claim: claim([line('97110', ['GP', '52'], 1, 10)]),
    fires: [{ rule: 'modifier/misplaced', fix: { line: 0, removeModifier: '52' } }],
  },
  // Known guide error: 59 demanded for 97535 + 97530. No edit pairs them; 59 there is itself a risk.
  {
    name: '59 on 97530 beside 97535 (no pair edit) is flagged as unneeded',
    claim: claim([line('97535', ['GO'], 1, 15), line('97530', ['GO', '59'], 1, 15)], {
      diagnoses: ['I69.351'],
    }),
    fires: [
      { rule: 'modifier/misplaced', line: 1, severity: 'warning', fix: { line: 1, removeModifier: '59' } },
    ],
    quiet: ['ncci/pair-needs-modifier'],
  },
  // 59/X with no code-pair partner on the claim that day: one warning, whatever the neighbours.
  ...(
    [
      ['59 on a lone 97110', [line('97110', ['GP', '59'], 1, 15)], 0, '59'],
      ['XU on a lone 97530', [line('97530', ['GP', 'XU'], 1, 15)], 0, 'XU'],
      [
        '59 on 97110 beside another 97110 (the same code is no pair)',
        [line('97110', ['GP', '59'], 1, 15), line('97110', ['GP'], 1, 15)],
        0,
        '59',
      ],
      [
        '59 on 97530 beside 97140 on another date',
        [line('97140', ['GP'], 1, 15, { dateOfService: '2025-06-03' }), line('97530', ['GP', '59'], 1, 15)],
        1,
        '59',
      ],
    ] as const
  ).map(
    ([name, lines, at, m]): RuleCase => ({
      name: `${name}: misplaced warning, remove ${m}`,
      claim: claim([...lines]),
      fires: [
        { rule: 'modifier/misplaced', line: at, severity: 'warning', fix: { line: at, removeModifier: m } },
      ],
    }),
  ),
  {
    name: '59 on 97110 beside 97112 (no pair we hold, built-in table only): warning, no automatic fix',
    claim: claim([line('97112', ['GP'], 1, 15), line('97110', ['GP', '59'], 1, 15)]),
    fires: [{ rule: 'modifier/misplaced', line: 1, severity: 'warning', fix: null }],
  },
  {
    name: '59 on 97110 beside 97112 with a loaded CMS table that pairs neither: remove 59',
    claim: claim([line('97112', ['GP'], 1, 15), line('97110', ['GP', '59'], 1, 15)]),
    options: { tables: { ncci: { version: 'test PTP 2025Q2', pairs: [] } } },
    fires: [{ rule: 'modifier/misplaced', line: 1, fix: { line: 1, removeModifier: '59' } }],
  },
  {
    name: 'XU on 97530 beside 97140 and 97110: the 97140 pair calls for it',
    claim: claim([
      line('97140', ['GP'], 1, 15),
      line('97110', ['GP'], 1, 15),
      line('97530', ['GP', 'XU'], 1, 15),
    ]),
    quiet: ['modifier/misplaced', 'ncci/pair-needs-modifier'],
  },
  {
    name: '59 on 97530 beside 97140 (a real pair) is where it belongs',
    claim: claim([line('97140', ['GP'], 1, 15), line('97530', ['GP', '59'], 1, 15)]),
    quiet: ['modifier/misplaced', 'ncci/pair-needs-modifier'],
  },
];
