import { ASSISTANT_MODIFIERS, ASSISTANT_SOURCE, DISCIPLINE_OF_MODIFIER } from '../data/modifiers';
import type { Finding } from '../finding';
import { billsLikeMedicare } from '../profile';
import { lineDiscipline } from './context';
import { finding, lineLabel } from './finding';
import { ASSISTANT, modifierKind } from './modifier-kinds';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const EVALUATION_SOURCE = 'CMS Pub. 100-02, ch. 15, §230.1–230.2 (assistants may not perform evaluations)';

/** CQ or CO, the first on the line; they are on few lines, so no list is built for every line. */
function firstAssistantModifier(modifiers: readonly string[]): string | undefined {
  for (const m of modifiers) if ((modifierKind(m) & ASSISTANT) !== 0) return m;
  return undefined;
}

function wrongPairing(view: LineView, ctx: RuleContext, out: Finding[]): void {
  const { line } = view;
  if ((view.modifierKinds & ASSISTANT) === 0) return;
  const mod = firstAssistantModifier(line.modifiers);
  if (!mod) return;
  const at = { line: line.index, field: 'modifiers' as const };
  if (line.modifiers.includes('CQ') && line.modifiers.includes('CO')) {
    out.push(
      finding(
        'modifier/assistant',
        'error',
        `${line.code ?? 'This line'} on ${lineLabel(line.index)} has both CQ and CO: a line is furnished under one plan of care, PT (CQ with GP) or OT (CO with GO).`,
        ASSISTANT_SOURCE,
        at,
      ),
    );
    return;
  }
  const wants = ASSISTANT_MODIFIERS.get(mod)!;
  for (const d of view.disciplineModifiers) {
    const discipline = DISCIPLINE_OF_MODIFIER.get(d)!;
    if (discipline === wants.discipline) continue;
    if (discipline === 'SLP') {
      // Guides say "CO with GN" for SLP assistants: wrong. There is no SLP-assistant modifier, and
      // removing CO would misstate who furnished the service, so there is no automatic fix.
      out.push(
        finding(
          'modifier/assistant',
          'error',
          `${line.code ?? 'This line'} on ${lineLabel(line.index)} has ${mod} with GN: ${mod} is only for ${wants.name} (with ${wants.discipline === 'PT' ? 'GP' : 'GO'}). There is no speech-language pathology assistant modifier, and Medicare does not pay for services furnished by SLP assistants.`,
          ASSISTANT_SOURCE,
          at,
        ),
      );
      continue;
    }
    const right = discipline === 'PT' ? 'CQ' : 'CO';
    // GP with CO (or GO with CQ): either modifier may be the wrong one; the code's own discipline,
    // or the clinician's as the claim states it, says which.
    const codeDiscipline = view.entry?.discipline ?? ctx.claim.discipline;
    const fix =
      codeDiscipline === discipline
        ? { fix: { line: line.index, replaceModifier: { from: mod, to: right } } }
        : {};
    out.push(
      finding(
        'modifier/assistant',
        'error',
        `${line.code ?? 'This line'} on ${lineLabel(line.index)} has ${mod} with ${d}: ${mod} goes only with ${wants.discipline === 'PT' ? 'GP' : 'GO'} (CQ = PT assistant with GP, CO = OT assistant with GO). Use ${right} with ${d}, or correct the discipline modifier.`,
        ASSISTANT_SOURCE,
        { ...at, ...fix },
      ),
    );
  }
}

function assistantRendered(view: LineView, ctx: RuleContext, out: Finding[]): void {
  const { line, entry } = view;
  if (!entry) return;
  const at = { line: line.index, field: 'modifiers' as const };
  if (entry.category === 'evaluation' && /^9716/.test(entry.code)) {
    out.push(
      finding(
        'modifier/assistant',
        'error',
        `${line.code} on ${lineLabel(line.index)} is an evaluation, but the claim says an assistant rendered the service: evaluations and re-evaluations are furnished by the therapist, not an assistant.`,
        EVALUATION_SOURCE,
        { line: line.index, field: 'renderedBy' },
      ),
    );
    return;
  }
  if ((view.modifierKinds & ASSISTANT) !== 0) return;
  const discipline = lineDiscipline(view, ctx);
  if (discipline === 'SLP') {
    out.push(
      finding(
        'modifier/assistant',
        'error',
        `${line.code} on ${lineLabel(line.index)} is speech-language pathology furnished by an assistant: there is no SLP-assistant modifier, and Medicare does not pay for services furnished by SLP assistants.`,
        ASSISTANT_SOURCE,
        { line: line.index, field: 'renderedBy' },
      ),
    );
    return;
  }
  const mod = discipline === 'PT' ? 'CQ' : discipline === 'OT' ? 'CO' : null;
  // CQ/CO are Medicare's (facts §4): other payers' profiles make this a warning, and the text says whose rule it is.
  const medicare = billsLikeMedicare(ctx.profile);
  const whose = medicare ? '' : ' CQ/CO are Medicare modifiers: check whether this payer asks for them.';
  out.push(
    finding(
      'modifier/assistant',
      'error',
      mod
        ? `${line.code} on ${lineLabel(line.index)} was furnished by an assistant: add ${mod} (Medicare requires it when the assistant furnished more than 10% of the service${medicare ? ', and pays 85%' : ''}).${whose}`
        : `${line.code} on ${lineLabel(line.index)} was furnished by an assistant: add CQ (PT assistant, with GP) or CO (OT assistant, with GO) when the assistant furnished more than 10% of the service.${whose}`,
      ASSISTANT_SOURCE,
      mod ? { ...at, fix: { line: line.index, addModifier: mod } } : at,
    ),
  );
}

/**
 * The claim says a therapist rendered the service, but CQ/CO says an assistant furnished more
 * than 10% of it: the claim contradicts itself. Either may be wrong (CQ/CO lowers payment to 85%,
 * a missing one misstates who treated), so there is no automatic fix.
 */
function therapistWithAssistantModifier(view: LineView, out: Finding[]): void {
  const { line } = view;
  if ((view.modifierKinds & ASSISTANT) === 0) return;
  const mod = firstAssistantModifier(line.modifiers);
  if (!mod) return;
  out.push(
    finding(
      'modifier/assistant',
      'warning',
      `${line.code ?? 'This line'} on ${lineLabel(line.index)} carries ${mod} (furnished in part by ${ASSISTANT_MODIFIERS.get(mod)!.name}), but the claim says the therapist rendered the service. Keep ${mod} if the assistant furnished more than 10% of it; otherwise remove ${mod}.`,
      ASSISTANT_SOURCE,
      { line: line.index, field: 'modifiers' },
    ),
  );
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const view of ctx.lines) {
    if (view.blank) continue;
    wrongPairing(view, ctx, out);
    if (ctx.claim.renderedBy === 'assistant') assistantRendered(view, ctx, out);
    else if (ctx.claim.renderedBy === 'therapist') therapistWithAssistantModifier(view, out);
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const assistantMeta: RuleCatalog = {
  'modifier/assistant': {
    summary:
      'CQ/CO missing when an assistant rendered the service, or paired with the wrong discipline (CQ only with GP, CO only with GO, none with GN)',
    severity: 'error',
    source: ASSISTANT_SOURCE,
  },
};

export const assistantRules: Rule = {
  family: 'modifier-assistant',
  ids: ['modifier/assistant'],
  check,
};
