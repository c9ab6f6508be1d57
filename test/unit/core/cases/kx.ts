import { claim, line } from '../claims';
import type { RuleCase } from './types';

/**
 * Facts §5. The statute (SSA §1833(g)(7)) speaks of expenses that *exceed* the threshold, so
 * a year total exactly at the threshold does not need KX and one cent more does.
 * 2025: $2,410 (not $2,230/$2,240 as some guides say); 2026: $2,480; review at $3,000.
 */
const pt = (charge: number, modifiers: string[] = ['GP']) => line('97110', modifiers, 1, 15, { charge });

export const KX_CASES: RuleCase[] = [
  {
    name: '2025: $2,000 + $410 = $2,410 is at the threshold, not over it',
    claim: claim([pt(410)], { ytdTherapyCharges: { PT_SLP: 2000, OT: 0 } }),
    quiet: ['modifier/kx-required', 'modifier/kx-unsupported'],
  },
  {
    name: '2025: $2,000 + $410.01 is over $2,410: KX on the line',
    claim: claim([pt(410.01)], { ytdTherapyCharges: { PT_SLP: 2000, OT: 0 } }),
    fires: [
      { rule: 'modifier/kx-required', line: 0, severity: 'error', fix: { line: 0, addModifier: 'KX' } },
    ],
  },
  {
    name: '2025: $2,231 is over the wrong $2,230 but under $2,410: no KX',
    claim: claim([pt(31)], { ytdTherapyCharges: { PT_SLP: 2200, OT: 0 } }),
    quiet: ['modifier/kx-required'],
  },
  {
    name: '2025: KX on a claim that stays under $2,410',
    claim: claim([pt(31, ['GP', 'KX'])], { ytdTherapyCharges: { PT_SLP: 2200, OT: 0 } }),
    fires: [{ rule: 'modifier/kx-unsupported', severity: 'warning', fix: { line: 0, removeModifier: 'KX' } }],
  },
  {
    name: '2026: $2,480 exactly is not over',
    claim: claim([pt(80)], { dateOfService: '2026-03-04', ytdTherapyCharges: { PT_SLP: 2400, OT: 0 } }),
    quiet: ['modifier/kx-required'],
  },
  {
    name: '2026: $2,480.01 is over: every PT line needs KX',
    claim: claim([pt(80.01), line('97112', ['GP'], 1, 15, { charge: 30 })], {
      dateOfService: '2026-03-04',
      ytdTherapyCharges: { PT_SLP: 2400, OT: 0 },
    }),
    fires: [
      { rule: 'modifier/kx-required', line: 0, fix: { line: 0, addModifier: 'KX' } },
      { rule: 'modifier/kx-required', line: 1, fix: { line: 1, addModifier: 'KX' } },
    ],
  },
  {
    name: 'Over the threshold with KX on every line is right',
    claim: claim([pt(100, ['GP', 'KX'])], { ytdTherapyCharges: { PT_SLP: 2400, OT: 0 } }),
    quiet: ['modifier/kx-required', 'modifier/kx-unsupported'],
  },
  {
    name: 'Over the threshold with an ABN (GA) instead of KX',
    claim: claim([pt(100, ['GP', 'GA'])], { ytdTherapyCharges: { PT_SLP: 2400, OT: 0 } }),
    quiet: ['modifier/kx-required'],
  },
  {
    name: 'OT accrues separately: a high PT/SLP total does not make OT lines need KX',
    claim: claim([line('97535', ['GO'], 1, 15, { charge: 60 })], {
      diagnoses: ['I69.351'],
      ytdTherapyCharges: { PT_SLP: 2400, OT: 100 },
    }),
    quiet: ['modifier/kx-required'],
  },
  {
    name: 'SLP shares the PT threshold',
    claim: claim([line('92507', ['GN'], 1, 30, { charge: 100 })], {
      diagnoses: ['R13.12'],
      ytdTherapyCharges: { PT_SLP: 2400, OT: 0 },
    }),
    fires: [{ rule: 'modifier/kx-required', fix: { line: 0, addModifier: 'KX' } }],
  },
  {
    name: 'Year-to-date alone is over: KX required even with a charge missing',
    claim: claim([line('97110', ['GP'], 1, 15, { charge: null })], {
      ytdTherapyCharges: { PT_SLP: 2500, OT: 0 },
    }),
    fires: [{ rule: 'modifier/kx-required' }],
  },
  {
    name: 'No year-to-date amounts: KX not checked (one check/skipped), never guessed',
    claim: claim([pt(60)], { ytdTherapyCharges: null }),
    quiet: ['modifier/kx-required', 'modifier/kx-unsupported', 'modifier/review-threshold'],
  },
  {
    name: 'Past $3,000: targeted medical review threshold',
    claim: claim([pt(101, ['GP', 'KX'])], { ytdTherapyCharges: { PT_SLP: 2900, OT: 0 } }),
    fires: [{ rule: 'modifier/review-threshold', severity: 'info' }],
    quiet: ['modifier/kx-required'],
  },
  {
    name: '$3,000 exactly is not past the review threshold',
    claim: claim([pt(100, ['GP', 'KX'])], { ytdTherapyCharges: { PT_SLP: 2900, OT: 0 } }),
    quiet: ['modifier/review-threshold'],
  },
  {
    name: 'Commercial plans have no KX threshold',
    claim: claim([pt(100)], { payer: 'commercial', ytdTherapyCharges: { PT_SLP: 2900, OT: 0 } }),
    quiet: ['modifier/kx-required', 'modifier/review-threshold'],
  },
  {
    name: 'Medicare Advantage: KX is only informational',
    claim: claim([pt(100)], { payer: 'medicare-advantage', ytdTherapyCharges: { PT_SLP: 2400, OT: 0 } }),
    fires: [{ rule: 'modifier/kx-required', severity: 'info' }],
  },
];
