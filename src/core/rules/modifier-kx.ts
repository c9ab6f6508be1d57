import { KX_DATA_VERSION, type KxGroup, kxThresholdFor, REVIEW_THRESHOLD } from '../data/kx';
import type { Finding } from '../finding';
import { lineDiscipline } from './context';
import { finding, lineLabel, money } from './finding';
import { GA, KX } from './modifier-kinds';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const KX_SOURCE =
  'SSA §1833(g)(7); CMS Pub. 100-04, ch. 5, §10.3; CMS Therapy Services (annual KX threshold)';
const GROUP_NAME: Record<KxGroup, string> = { PT_SLP: 'PT and SLP combined', OT: 'OT' };

interface GroupTotal {
  group: KxGroup;
  lines: LineView[];
  /** This claim's charges for the group, in cents (exact sums: a threshold is compared to the cent). */
  claimCents: number;
  missingCharge: number[];
}

function isTherapyLine(v: LineView): boolean {
  return !v.blank && (v.entry !== null || v.disciplineModifiers.length > 0);
}

/** The claim's date of service for the yearly threshold: the claim's, else the first line's. */
function claimDate(ctx: RuleContext): string | null {
  if (ctx.claim.dateOfService) return ctx.claim.dateOfService;
  for (const v of ctx.lines) if (!v.blank && v.dos) return v.dos;
  return null;
}

/**
 * What KX findings quote for one group ("year-to-date $1,500 + this claim $480 = $1,980", the
 * threshold), each worked out once and only when a finding quotes it: most claims produce none,
 * and this runs on every keystroke.
 */
class GroupQuote {
  private totalText: string | null = null;
  private limitText: string | null = null;
  private requiredText: string | null = null;
  private unsupportedText: string | null = null;

  constructor(
    private readonly ytd: number,
    private readonly group: GroupTotal,
    private readonly lowerCents: number,
    private readonly limit: number,
  ) {}

  total(): string {
    if (this.totalText === null) {
      const complete = this.group.missingCharge.length === 0;
      this.totalText = `year-to-date ${money(this.ytd)} + this claim ${money(this.group.claimCents / 100)}${complete ? '' : ' (lines without a charge not counted)'} = ${money(this.lowerCents / 100)}`;
    }
    return this.totalText;
  }

  threshold(): string {
    if (this.limitText === null) this.limitText = money(this.limit);
    return this.limitText;
  }

  /** Everything after "97110 on line 3 needs KX": the same for every line of the group. */
  requiredTail(name: string, year: number): string {
    if (this.requiredText === null)
      this.requiredText = `: ${name} therapy for the year, ${this.total()}, is over the ${year} KX threshold of ${this.threshold()}. Add KX if the record supports medical necessity; otherwise an ABN and GA instead. Without either the line denies. (Medicare accrues allowed amounts; the charges entered are used as the estimate.)`;
    return this.requiredText;
  }

  /** Everything after "97110 on line 3 has KX": the same for every line of the group. */
  unsupportedTail(name: string, year: number): string {
    if (this.unsupportedText === null)
      this.unsupportedText = `, but ${name} therapy for the year, ${this.total()}, is not over the ${year} KX threshold of ${this.threshold()}. KX attests that the threshold is passed: remove it until then.`;
    return this.unsupportedText;
  }
}

function check(ctx: RuleContext): Finding[] {
  if (!ctx.profile.kxApplies) return [];
  // Two groups at most, in the order first met: found by the last one used rather than a Map read per line.
  const groups: GroupTotal[] = [];
  let last: GroupTotal | null = null;
  const unknownGroup: number[] = [];
  for (const v of ctx.lines) {
    if (!isTherapyLine(v)) continue;
    const d = lineDiscipline(v, ctx);
    if (d === null) {
      unknownGroup.push(v.line.index);
      continue;
    }
    const group: KxGroup = d === 'OT' ? 'OT' : 'PT_SLP';
    let g: GroupTotal | undefined =
      last !== null && last.group === group ? last : groups.find((x) => x.group === group);
    if (!g) {
      g = { group, lines: [], claimCents: 0, missingCharge: [] };
      groups.push(g);
    }
    last = g;
    g.lines.push(v);
    if (v.line.charge === null || !Number.isFinite(v.line.charge)) g.missingCharge.push(v.line.index);
    else g.claimCents += Math.round(v.line.charge * 100);
  }
  if (groups.length === 0 && unknownGroup.length === 0) return [];

  const out: Finding[] = [];
  const skipped: string[] = [];
  const dos = claimDate(ctx);
  const threshold = dos ? kxThresholdFor(dos) : null;
  if (!dos)
    skipped.push(
      `${ctx.claim.unreadable?.includes('dateOfService') ? 'the date of service could not be read' : 'the claim has no date of service'}, and the threshold changes every year`,
    );
  else if (!threshold) skipped.push(`we hold no KX threshold for ${dos.slice(0, 4)}`);
  if (unknownGroup.length > 0) {
    skipped.push(
      `the discipline of ${unknownGroup.map(lineLabel).join(', ')} is unknown (PT and SLP share a threshold, OT has its own)`,
    );
  }

  if (threshold) {
    const limitCents = threshold.amount * 100;
    for (const g of groups) {
      const ytd = ctx.claim.ytdTherapyCharges?.[g.group] ?? null;
      const name = GROUP_NAME[g.group];
      if (ytd === null || !Number.isFinite(ytd)) {
        skipped.push(`there is no year-to-date therapy amount for ${name}`);
        continue;
      }
      const lowerCents = Math.round(ytd * 100) + g.claimCents;
      const complete = g.missingCharge.length === 0;
      const over = lowerCents > limitCents;
      if (!over && !complete) {
        skipped.push(
          `${g.missingCharge.map(lineLabel).join(', ')} ${g.missingCharge.length === 1 ? 'has' : 'have'} no charge`,
        );
        continue;
      }
      // Built only when a finding quotes it: most claims produce none, and this runs on every keystroke.
      const quote = new GroupQuote(ytd, g, lowerCents, threshold.amount);
      if (over) {
        for (const v of g.lines) {
          // GA (with an ABN) is the alternative when the services are not medically necessary beyond the threshold.
          if ((v.modifierKinds & (KX | GA)) !== 0) continue;
          out.push(
            finding(
              'modifier/kx-required',
              'error',
              `${v.line.code ?? 'This line'} on ${lineLabel(v.line.index)} needs KX${quote.requiredTail(name, threshold.year)}`,
              threshold.source,
              {
                line: v.line.index,
                field: 'modifiers',
                fix: { line: v.line.index, addModifier: 'KX' },
                dataVersion: KX_DATA_VERSION,
              },
            ),
          );
        }
      } else {
        for (const v of g.lines) {
          if ((v.modifierKinds & KX) === 0) continue;
          out.push(
            finding(
              'modifier/kx-unsupported',
              'warning',
              `${v.line.code ?? 'This line'} on ${lineLabel(v.line.index)} has KX${quote.unsupportedTail(name, threshold.year)}`,
              threshold.source,
              {
                line: v.line.index,
                field: 'modifiers',
                fix: { line: v.line.index, removeModifier: 'KX' },
                dataVersion: KX_DATA_VERSION,
              },
            ),
          );
        }
      }
      if (lowerCents > REVIEW_THRESHOLD.amount * 100) {
        out.push(
          finding(
            'modifier/review-threshold',
            'info',
            `${name} therapy for the year, ${quote.total()}, is over the ${money(REVIEW_THRESHOLD.amount)} targeted medical review threshold: the claim may be selected for medical review. Make sure the notes document medical necessity for each service.`,
            REVIEW_THRESHOLD.source,
            { line: g.lines[0]!.line.index, field: 'ytdTherapyCharges' },
          ),
        );
      }
    }
  }
  if (skipped.length > 0) {
    out.push(
      finding(
        'check/skipped',
        'info',
        `KX was not checked: ${skipped.join('; ')}. Above the yearly threshold every therapy line needs KX; enter the patient's year-to-date therapy amounts and each line's charge to have it checked.`,
        KX_SOURCE,
        { field: 'ytdTherapyCharges' },
      ),
    );
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const kxMeta: RuleCatalog = {
  'modifier/kx-required': {
    summary:
      "Year-to-date therapy charges plus this claim pass the year's KX threshold (PT+SLP combined, OT separate) and KX is missing",
    severity: 'error',
    source: KX_SOURCE,
    runsFor: (p) => p.kxApplies,
  },
  'modifier/kx-unsupported': {
    summary: 'KX on a claim whose year-to-date plus this claim is not over the KX threshold',
    severity: 'warning',
    source: KX_SOURCE,
    runsFor: (p) => p.kxApplies,
  },
  'modifier/review-threshold': {
    summary: 'The beneficiary passes the $3,000 targeted medical review threshold',
    severity: 'info',
    source: REVIEW_THRESHOLD.source,
    runsFor: (p) => p.kxApplies,
  },
};

export const kxRules: Rule = {
  family: 'modifier-kx',
  ids: ['modifier/kx-required', 'modifier/kx-unsupported', 'modifier/review-threshold'],
  check,
};
