import { claim, line } from '../claims';
import type { RuleCase } from './types';

/** Facts §9 (POS 02/10, 95/93, CAA 2026 through 2027-12-31) and code shapes. */
export const TELEHEALTH_CASES: RuleCase[] = [
  {
    name: 'Commercial: telehealth POS 10 without 95',
    claim: claim([line('97110', ['GP'], 1, 15)], { payer: 'commercial', placeOfService: '10' }),
    fires: [
      { rule: 'telehealth/pos-modifier', line: 0, severity: 'warning', fix: { line: 0, addModifier: '95' } },
    ],
  },
  {
    name: 'Commercial: telehealth POS 10 with 95',
    claim: claim([line('97110', ['GP', '95'], 1, 15)], { payer: 'commercial', placeOfService: '10' }),
    quiet: ['telehealth/pos-modifier'],
  },
  {
    name: 'Commercial: audio-only with 93',
    claim: claim([line('97110', ['GP', '93'], 1, 15)], { payer: 'commercial', placeOfService: '02' }),
    quiet: ['telehealth/pos-modifier'],
  },
  {
    name: 'Medicare relies on POS: no 95 needed',
    claim: claim([line('97110', ['GP'], 1, 15)], { placeOfService: '10' }),
    quiet: ['telehealth/pos-modifier'],
  },
  {
    name: '95 on an in-person visit (POS 11)',
    claim: claim([line('97110', ['GP', '95'], 1, 15)]),
    fires: [{ rule: 'telehealth/pos-modifier', severity: 'error', fix: { line: 0, removeModifier: '95' } }],
    quiet: ['modifier/misplaced'],
  },
  // Facts §9: 95 is video, 93 audio-only; both on one line contradict each other.
  ...(['commercial', 'medicare'] as const).map(
    (payer): RuleCase => ({
      name: `${payer}: 95 with 93 on a telehealth line (POS 10): error, no automatic fix`,
      claim: claim([line('97110', ['GP', '95', '93'], 1, 15)], { payer, placeOfService: '10' }),
      fires: [{ rule: 'telehealth/pos-modifier', line: 0, severity: 'error', fix: null }],
      quiet: ['modifier/conflict'],
    }),
  ),
  {
    name: '95 and 93 on an in-person visit (POS 11): each is removed',
    claim: claim([line('97110', ['GP', '95', '93'], 1, 15)]),
    fires: [
      { rule: 'telehealth/pos-modifier', line: 0, fix: { line: 0, removeModifier: '95' } },
      { rule: 'telehealth/pos-modifier', line: 0, fix: { line: 0, removeModifier: '93' } },
    ],
  },
  {
    name: 'Medicare therapy telehealth on 2027-12-31 is still authorised',
    claim: claim([line('97110', ['GP'], 1, 15)], {
      dateOfService: '2027-12-31',
      placeOfService: '10',
      ytdTherapyCharges: null,
    }),
    quiet: ['telehealth/pos-modifier'],
  },
  {
    name: "A user's profile cloned from Medicare also knows the telehealth end date",
    claim: claim([line('97110', ['GP'], 1, 15)], {
      payer: 'my-medicare',
      dateOfService: '2028-01-03',
      placeOfService: '10',
      ytdTherapyCharges: null,
    }),
    options: {
      customProfiles: [
        {
          id: 'my-medicare',
          name: 'My Medicare',
          builtIn: false,
          basedOn: 'medicare',
          unitMethod: 'cms',
          severity: {},
          requiredModifiers: { discipline: true, telehealth95: false },
          kxApplies: true,
        } as never,
      ],
    },
    fires: [{ rule: 'telehealth/pos-modifier' }],
  },
  {
    name: 'Medicare therapy telehealth on 2028-01-03 is past the CAA 2026 extension',
    claim: claim([line('97110', ['GP'], 1, 15)], {
      dateOfService: '2028-01-03',
      placeOfService: '10',
      ytdTherapyCharges: null,
    }),
    fires: [{ rule: 'telehealth/pos-modifier' }],
  },
];

export const CODE_CASES: RuleCase[] = [
  {
    name: 'Four digits is not a code',
    claim: claim([line('9711', ['GP'], 1, 15)]),
    fires: [{ rule: 'code/unknown', line: 0, severity: 'error' }],
  },
  {
    name: 'A line with units but no code',
    claim: claim([line('', ['GP'], 1, 15)]),
    fires: [{ rule: 'code/unknown', line: 0, severity: 'error' }],
  },
  {
    name: 'A well-formed code outside the therapy tables is only info',
    claim: claim([line('99213', [], 1, null), line('97110', ['GP'], 1, 15)]),
    fires: [{ rule: 'code/unknown', line: 0, severity: 'info' }],
  },
  {
    name: '97763 did not exist before 2018',
    claim: claim([line('97763', ['GP'], 1, 15)], { dateOfService: '2017-06-01', ytdTherapyCharges: null }),
    fires: [{ rule: 'code/unknown', severity: 'error' }],
  },
  {
    name: 'Therapy codes, CPT and HCPCS',
    claim: claim([line('97110', ['GP'], 1, 15), line('G0283', ['GP'], 1, 15)]),
    quiet: ['code/unknown'],
  },
  {
    name: 'An empty row on the page is not a line',
    claim: claim([line('97110', ['GP'], 1, 15), { code: '', modifiers: [], units: '', minutes: '' }]),
    quiet: ['code/unknown', 'units/invalid'],
  },
];
