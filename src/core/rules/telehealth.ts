import { inForce } from '../data/dated';
import {
  MEDICARE_THERAPY_TELEHEALTH,
  MODIFIER_93_SOURCE,
  MODIFIER_95_SOURCE,
  TELEHEALTH_POS_CODES,
} from '../data/telehealth';
import type { Finding } from '../finding';
import { finding, lineLabel } from './finding';
import { AUDIO, VIDEO } from './modifier-kinds';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const POS_SOURCE = 'CMS Place of Service Code Set (02, 10)';
const TELEHEALTH_SOURCE = `${POS_SOURCE}; ${MODIFIER_95_SOURCE}`;
const TELEHEALTH_MODIFIERS = ['95', '93'] as const;

/**
 * This family owns 95/93 in every direction, including "95 on an in-person visit", which the
 * catalog also lists under modifier/misplaced: one owner, so a line never gets both findings.
 */
/** Medicare Part B itself, or a user's profile cloned from it (settings keep `basedOn`). */
function isMedicarePartB(ctx: RuleContext): boolean {
  const basedOn = (ctx.profile as { basedOn?: unknown }).basedOn;
  return ctx.profile.id === 'medicare' || basedOn === 'medicare';
}

function checkLine(view: LineView, ctx: RuleContext, pos: string, telehealth: boolean, out: Finding[]): void {
  const { line } = view;
  const has95 = (view.modifierKinds & VIDEO) !== 0;
  const has93 = (view.modifierKinds & AUDIO) !== 0;
  if (!telehealth) {
    // Each is wrong on an in-person visit on its own, so each gets its own finding and fix.
    for (const m of TELEHEALTH_MODIFIERS) {
      if (m === '95' ? !has95 : !has93) continue;
      out.push(
        finding(
          'telehealth/pos-modifier',
          'error',
          `${m} on ${line.code ?? 'this line'} (${lineLabel(line.index)}) says the visit was ${m === '95' ? 'by video' : 'audio-only'}, but place of service ${pos} is in person. Remove ${m}, or use POS 02/10 if it was telehealth.`,
          `${POS_SOURCE}; ${m === '95' ? MODIFIER_95_SOURCE : MODIFIER_93_SOURCE}`,
          { line: line.index, field: 'modifiers', fix: { line: line.index, removeModifier: m } },
        ),
      );
    }
    return;
  }
  if (has95 && has93) {
    // Facts §9: 95 says the visit was by video, 93 that it was audio-only. This family owns 95/93,
    // so the contradiction is a telehealth/pos-modifier finding, not modifier/conflict. Only the
    // visit record says which is true, so there is no automatic fix.
    out.push(
      finding(
        'telehealth/pos-modifier',
        'error',
        `${line.code ?? 'This line'} on ${lineLabel(line.index)} has both 95 (video visit) and 93 (audio-only visit): they contradict each other. Keep 95 if there was video, 93 if the visit was by audio only.`,
        `${MODIFIER_95_SOURCE}; ${MODIFIER_93_SOURCE}`,
        { line: line.index, field: 'modifiers' },
      ),
    );
  }
  if (ctx.profile.requiredModifiers.telehealth95 && !has95 && !has93 && view.entry !== null) {
    out.push(
      finding(
        'telehealth/pos-modifier',
        'warning',
        `${line.code} on ${lineLabel(line.index)} has telehealth place of service ${pos} but no 95: this payer wants 95 on each telehealth line (93 if audio-only).`,
        TELEHEALTH_SOURCE,
        { line: line.index, field: 'modifiers', fix: { line: line.index, addModifier: '95' } },
      ),
    );
  }
  const dos = view.dos;
  if (
    isMedicarePartB(ctx) &&
    dos !== null &&
    view.entry !== null &&
    !inForce(MEDICARE_THERAPY_TELEHEALTH, dos)
  ) {
    out.push(
      finding(
        'telehealth/pos-modifier',
        'warning',
        `${line.code} on ${lineLabel(line.index)} is billed as telehealth (POS ${pos}) on ${dos}, outside the dates Medicare pays therapists for telehealth (through 2027-12-31 under the Consolidated Appropriations Act, 2026, unless extended again).`,
        MEDICARE_THERAPY_TELEHEALTH.source,
        { line: line.index, field: 'placeOfService' },
      ),
    );
  }
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // Lines share the claim's place of service: it is looked up again only when it changes.
  let lastPos: string | null = null;
  let telehealth = false;
  for (const view of ctx.lines) {
    if (view.blank) continue;
    const pos = view.line.placeOfService ?? ctx.claim.placeOfService;
    if (pos === null) continue;
    if (pos !== lastPos) {
      lastPos = pos;
      telehealth = TELEHEALTH_POS_CODES.has(pos);
    }
    // An in-person line without 95 or 93, the everyday case, has nothing to report.
    if (!telehealth && (view.modifierKinds & (VIDEO | AUDIO)) === 0) continue;
    checkLine(view, ctx, pos, telehealth, out);
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const telehealthMeta: RuleCatalog = {
  'telehealth/pos-modifier': {
    summary:
      'Telehealth POS (02/10) without 95 where the payer wants it, 95/93 with an in-person POS, 95 with 93 on one line, or Medicare therapy telehealth outside its authorised dates',
    severity: 'warning',
    source: TELEHEALTH_SOURCE,
  },
};

export const telehealthRules: Rule = {
  family: 'telehealth',
  ids: ['telehealth/pos-modifier'],
  check,
};
