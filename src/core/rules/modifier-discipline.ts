import type { Discipline } from '../claim';
import { ASSISTANT_MODIFIERS, DISCIPLINE_MODIFIER, DISCIPLINE_SOURCE } from '../data/modifiers';
import type { Finding } from '../finding';
import { billsLikeMedicare } from '../profile';
import { finding, lineLabel } from './finding';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const NAMES: Record<Discipline, string> = {
  PT: 'physical therapy',
  OT: 'occupational therapy',
  SLP: 'speech-language pathology',
};
const A_CODE: Record<Discipline, string> = {
  PT: 'a physical therapy',
  OT: 'an occupational therapy',
  SLP: 'a speech-language pathology',
};
const CLINICIAN: Record<Discipline, string> = {
  PT: 'a physical therapist',
  OT: 'an occupational therapist',
  SLP: 'a speech-language pathologist',
};

/** CQ or CO on the line (one of them only): each goes with one discipline modifier (facts §4). */
function assistantDiscipline(view: LineView): { modifier: string; discipline: Discipline } | null {
  let found: { modifier: string; discipline: Discipline } | null = null;
  for (const m of view.line.modifiers) {
    const a = ASSISTANT_MODIFIERS.get(m);
    if (!a) continue;
    if (found && found.discipline !== a.discipline) return null;
    found = { modifier: m, discipline: a.discipline };
  }
  return found;
}

/** Why we know the discipline, for the message: the code itself, its CQ/CO, or the rest of the claim. */
function knownDiscipline(view: LineView, ctx: RuleContext): { discipline: Discipline; why: string } | null {
  if (view.entry?.discipline)
    return {
      discipline: view.entry.discipline,
      why: `${view.line.code} is ${A_CODE[view.entry.discipline]} code`,
    };
  const assistant = assistantDiscipline(view);
  if (assistant) {
    // The claim saying otherwise is a contradiction only the chart settles: no fix then.
    if (ctx.discipline && ctx.discipline !== assistant.discipline) return null;
    const mod = DISCIPLINE_MODIFIER[assistant.discipline];
    return { discipline: assistant.discipline, why: `${assistant.modifier} goes only with ${mod}` };
  }
  if (ctx.discipline)
    return { discipline: ctx.discipline, why: `the rest of the claim is ${NAMES[ctx.discipline]}` };
  return null;
}

function missing(view: LineView, ctx: RuleContext, out: Finding[]): void {
  const { line, entry } = view;
  if (!entry || view.disciplineModifiers.length > 0) return;
  // "Sometimes therapy" codes (97129/97130) need one only under a therapy plan of care: say so only when the claim shows one.
  if (entry.therapy !== 'always' && ctx.discipline === null) return;
  const known = knownDiscipline(view, ctx);
  const severity = entry.therapy === 'always' ? 'error' : 'info';
  const planNote =
    entry.therapy === 'always'
      ? ''
      : ' when billed under a therapy plan of care, as the rest of this claim is';
  if (known) {
    const mod = DISCIPLINE_MODIFIER[known.discipline];
    // Only Medicare (and plans that follow it) is certain to return the line; facts §3.
    const consequence = billsLikeMedicare(ctx.profile)
      ? 'Without GP/GO/GN Medicare returns the line unpaid.'
      : 'Medicare requires GP/GO/GN on therapy lines, and most commercial payers and Medicaid plans ask for them too.';
    out.push(
      finding(
        'modifier/discipline-missing',
        severity,
        `${line.code} on ${lineLabel(line.index)} needs a therapy discipline modifier${planNote}: add ${mod} (${known.why}). ${consequence}`,
        DISCIPLINE_SOURCE,
        { line: line.index, field: 'modifiers', fix: { line: line.index, addModifier: mod } },
      ),
    );
    return;
  }
  out.push(
    finding(
      'modifier/discipline-missing',
      severity,
      `${line.code} on ${lineLabel(line.index)} needs a therapy discipline modifier${planNote}: GP (physical therapy), GO (occupational therapy) or GN (speech-language pathology), by the plan of care it was furnished under.`,
      DISCIPLINE_SOURCE,
      { line: line.index, field: 'modifiers' },
    ),
  );
}

/** The discipline every evaluation on the claim fixes, or null (none, or several). */
function evaluationDiscipline(ctx: RuleContext): Discipline | null {
  let found: Discipline | null = null;
  for (const v of ctx.lines) {
    if (v.blank || v.entry?.category !== 'evaluation' || !v.entry.discipline) continue;
    if (found && found !== v.entry.discipline) return null;
    found = v.entry.discipline;
  }
  return found;
}

function conflict(
  view: LineView,
  ctx: RuleContext,
  evaluated: () => Discipline | null,
  out: Finding[],
): void {
  const { line, entry } = view;
  const mods = view.disciplineModifiers;
  if (mods.length === 0) return;
  const at = { line: line.index, field: 'modifiers' as const };
  if (mods.length > 1) {
    const fixed = entry?.discipline ? DISCIPLINE_MODIFIER[entry.discipline] : null;
    const wrong =
      fixed && mods.includes(fixed) && mods.length === 2 ? mods.find((m) => m !== fixed) : undefined;
    out.push(
      finding(
        'modifier/discipline-conflict',
        'error',
        `${line.code ?? 'This line'} on ${lineLabel(line.index)} has ${mods.join(' and ')}: one line carries one discipline modifier, the plan of care it was furnished under${fixed ? ` (${line.code} is ${NAMES[entry!.discipline!]}: keep ${fixed})` : ''}.`,
        DISCIPLINE_SOURCE,
        wrong ? { ...at, fix: { line: line.index, removeModifier: wrong } } : at,
      ),
    );
    return;
  }
  const mod = mods[0]!;
  const lineDiscipline = view.modifierDiscipline!;
  if (entry?.discipline && entry.discipline !== lineDiscipline) {
    const right = DISCIPLINE_MODIFIER[entry.discipline];
    out.push(
      finding(
        'modifier/discipline-conflict',
        'error',
        `${line.code} on ${lineLabel(line.index)} is ${A_CODE[entry.discipline]} code but carries ${mod} (${NAMES[lineDiscipline]}): use ${right}.`,
        DISCIPLINE_SOURCE,
        { ...at, fix: { line: line.index, replaceModifier: { from: mod, to: right } } },
      ),
    );
    return;
  }
  const clinician = ctx.claim.discipline;
  if (!clinician && !entry?.discipline) {
    // No stated clinician, but an evaluation on the claim says whose plan of care this is. Two
    // disciplines can treat the same day, so this is a warning without an automatic fix.
    const evaluation = evaluated();
    if (evaluation && evaluation !== lineDiscipline) {
      out.push(
        finding(
          'modifier/discipline-conflict',
          'warning',
          `${line.code ?? 'This line'} on ${lineLabel(line.index)} carries ${mod} (${NAMES[lineDiscipline]}), but the evaluation on this claim is ${NAMES[evaluation]}: if this service is under the same plan of care, use ${DISCIPLINE_MODIFIER[evaluation]}.`,
          DISCIPLINE_SOURCE,
          at,
        ),
      );
    }
    return;
  }
  if (clinician && clinician !== lineDiscipline) {
    // No automatic fix either way: when the code fixes the discipline (an OT evaluation by a PT) no
    // modifier change makes it right, and otherwise the plan of care decides, which only the chart shows.
    out.push(
      finding(
        'modifier/discipline-conflict',
        'error',
        entry?.discipline
          ? `${line.code} on ${lineLabel(line.index)} is ${A_CODE[lineDiscipline]} code, but the claim says the clinician is ${CLINICIAN[clinician]}: check who performed it.`
          : `${line.code ?? 'This line'} on ${lineLabel(line.index)} carries ${mod} (${NAMES[lineDiscipline]}), but the claim says the clinician is ${CLINICIAN[clinician]}: the modifier follows the plan of care, use ${DISCIPLINE_MODIFIER[clinician]} unless the plan says otherwise.`,
        DISCIPLINE_SOURCE,
        at,
      ),
    );
  }
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // The claim's evaluation, looked for once per check and only when a line asks (a pass over
  // every line per line was a 50-line claim's 2,500 steps on every keystroke).
  let evaluation: Discipline | null | undefined;
  const evaluated = () => {
    if (evaluation === undefined) evaluation = evaluationDiscipline(ctx);
    return evaluation;
  };
  for (const view of ctx.lines) {
    if (view.blank) continue;
    if (ctx.profile.requiredModifiers.discipline) missing(view, ctx, out);
    conflict(view, ctx, evaluated, out);
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const disciplineMeta: RuleCatalog = {
  'modifier/discipline-missing': {
    summary: 'An always-therapy code without GP, GO or GN (fix offered only when the discipline is known)',
    severity: 'error',
    source: DISCIPLINE_SOURCE,
    runsFor: (p) => p.requiredModifiers.discipline,
  },
  'modifier/discipline-conflict': {
    summary:
      "Two discipline modifiers, or one that contradicts the code (OT evaluation with GP) or the clinician's discipline",
    severity: 'error',
    source: DISCIPLINE_SOURCE,
  },
};

export const disciplineRules: Rule = {
  family: 'modifier-discipline',
  ids: ['modifier/discipline-missing', 'modifier/discipline-conflict'],
  check,
};
