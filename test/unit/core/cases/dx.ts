import { claim, line } from '../claims';
import type { RuleCase } from './types';

const pt = () => line('97110', ['GP'], 1, 15);

/** Facts §8: ICD-10-CM by fiscal year (from 1 October), avoid and caution lists, pointers. */
export const DX_CASES: RuleCase[] = [
  {
    name: 'R69 is on the avoid list',
    claim: claim([pt()], { diagnoses: ['R69'] }),
    fires: [{ rule: 'dx/avoid', diagnosis: 0, severity: 'warning' }],
  },
  {
    name: 'Z87.39 (a history code) is on the avoid list even beside a specific code',
    claim: claim([pt()], { diagnoses: ['M17.11', 'Z87.39'] }),
    fires: [{ rule: 'dx/avoid', diagnosis: 1 }],
  },
  {
    name: 'M54.50 alone is avoided',
    claim: claim([pt()], { diagnoses: ['M54.50'] }),
    fires: [{ rule: 'dx/avoid', diagnosis: 0 }],
  },
  {
    name: 'M54.50 beside a more specific code is fine',
    claim: claim([pt()], { diagnoses: ['M51.16', 'M54.50'] }),
    quiet: ['dx/avoid'],
  },
  {
    name: 'Z74.09 as the only diagnosis',
    claim: claim([pt()], { diagnoses: ['Z74.09'] }),
    fires: [{ rule: 'dx/nonspecific', diagnosis: 0, severity: 'warning' }],
  },
  {
    name: 'M62.81 alone',
    claim: claim([pt()], { diagnoses: ['M62.81'] }),
    fires: [{ rule: 'dx/nonspecific' }],
  },
  {
    name: 'Z74.09 beside I69.351 is acceptable',
    claim: claim([pt()], { diagnoses: ['I69.351', 'Z74.09'] }),
    quiet: ['dx/nonspecific', 'dx/avoid'],
  },
  {
    name: 'Z74.09 beside only an avoid-list code is still alone',
    claim: claim([pt()], { diagnoses: ['R69', 'Z74.09'] }),
    fires: [{ rule: 'dx/nonspecific', diagnosis: 1 }],
  },
  // Known guide error: G35 as a valid code after 2025-10-01.
  {
    name: 'G35 on 2025-09-30 is billable',
    claim: claim([pt()], { dateOfService: '2025-09-30', diagnoses: ['G35'] }),
    quiet: ['dx/not-billable'],
  },
  {
    name: 'G35 on 2025-10-01 is a header: not billable, no single fix',
    claim: claim([pt()], { dateOfService: '2025-10-01', diagnoses: ['G35'] }),
    fires: [{ rule: 'dx/not-billable', diagnosis: 0, severity: 'error', fix: null }],
  },
  {
    name: 'G35.D before 2025-10-01 did not exist yet: use G35',
    claim: claim([pt()], { dateOfService: '2025-06-02', diagnoses: ['G35.D'] }),
    fires: [{ rule: 'dx/not-billable', fix: { diagnosis: 0, setDiagnosis: 'G35' } }],
  },
  {
    name: 'G35.D from 2025-10-01',
    claim: claim([pt()], { dateOfService: '2025-10-01', diagnoses: ['G35.D'] }),
    quiet: ['dx/not-billable'],
  },
  {
    name: 'M54.5 on 2021-09-30 is billable',
    claim: claim([pt()], { dateOfService: '2021-09-30', diagnoses: ['M54.5'], ytdTherapyCharges: null }),
    quiet: ['dx/not-billable'],
  },
  {
    name: 'M54.5 on 2021-10-01 was deleted',
    claim: claim([pt()], { dateOfService: '2021-10-01', diagnoses: ['M54.5'], ytdTherapyCharges: null }),
    fires: [{ rule: 'dx/not-billable', fix: null }],
  },
  {
    name: 'Not an ICD-10-CM code',
    claim: claim([pt()], { diagnoses: ['1234'] }),
    fires: [{ rule: 'dx/invalid', diagnosis: 0, severity: 'error' }],
  },
  {
    name: 'Typed without the dot and in lower case is still a code',
    claim: claim([pt()], { diagnoses: ['i69351'] }),
    quiet: ['dx/invalid'],
  },
  {
    name: 'A pointer to an empty slot',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: ['B'] })]),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'error' }],
  },
  {
    name: 'A line with an empty pointer field',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: [] })]),
    fires: [{ rule: 'dx/pointer', line: 0 }],
  },
  {
    name: 'A pointer that is not A–L or 1–12',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: ['Q'] })]),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'error' }],
  },
  {
    name: 'More than four pointers on a line',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: ['A', 'B', 'C', 'D', 'E'] })], {
      diagnoses: ['M17.11', 'R26.89', 'M25.561', 'M62.81', 'Z96.651'],
    }),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'warning' }],
  },
  {
    name: 'Numbered pointers work like letters',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: ['1'] })]),
    quiet: ['dx/pointer'],
  },
  // Numbers typed without commas: read only one way, and asked about when two readings exist.
  {
    name: '"13" with one diagnosis is no pointer (not 1 and an empty 3)',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: '13' })]),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'error' }],
  },
  {
    name: '"12" with two diagnoses: read as A and B, a warning asks to confirm (it may mean L)',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: '12' })], { diagnoses: ['M17.11', 'M25.561'] }),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'warning' }],
  },
  {
    name: '"1,2" with two diagnoses is unambiguous',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: '1,2' })], { diagnoses: ['M17.11', 'M25.561'] }),
    quiet: ['dx/pointer'],
  },
  {
    name: '"13" with three diagnoses can only be 1 and 3',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: '13' })], {
      diagnoses: ['M17.11', 'M25.561', 'R26.89'],
    }),
    quiet: ['dx/pointer'],
  },
  {
    name: 'A pointer that is a code not on the claim',
    claim: claim([line('97110', ['GP'], 1, 15, { dxPointers: 'Z99.9' })]),
    fires: [{ rule: 'dx/pointer', line: 0, severity: 'error' }],
  },
  // Facts §8: after the dot come one to four characters; "M54." is not M54.
  {
    name: '"M54." with a trailing dot is not a code',
    claim: claim([pt()], { diagnoses: ['M54.'] }),
    fires: [{ rule: 'dx/invalid', diagnosis: 0 }],
  },
  {
    name: 'Pointer A to a listed diagnosis',
    claim: claim([pt()]),
    quiet: ['dx/pointer', 'dx/invalid', 'dx/avoid', 'dx/nonspecific', 'dx/not-billable'],
  },
];
