import {
  isModifierShape,
  KNOWN_MODIFIERS,
  MODIFIER_25_SOURCE,
  MODIFIER_52_SOURCE,
  MODIFIER_59_SOURCE,
  MODIFIER_CONFLICTS,
} from '../data/modifiers';
import { NCCI_BUILT_IN_VERSION, NCCI_NON_PAIRS } from '../data/ncci';
import type { Finding } from '../finding';
import { pairKey } from './context';
import { finding, lineLabel } from './finding';
import { CONFLICTING, DISTINCT, KX, MISPLACEABLE, modifierKind, UNKNOWN_SEEN } from './modifier-kinds';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const MODIFIER_SHAPE_SOURCE = 'CMS-1500 item 24D (two-character CPT/HCPCS modifiers); NUCC 1500 instructions';
const CONFLICT_SOURCE = 'CMS Pub. 100-04, ch. 30, §40.3; CMS MLN "Proper Use of Modifier 59"';

/**
 * KX attests that the services above the yearly threshold are medically necessary; GA (ABN on
 * file) and GZ (no ABN, denial expected) say they may not be. Facts §5: without medical necessity
 * it is an ABN and GA instead of KX, never both.
 */
const KX_LIABILITY: readonly { modifier: string; says: string }[] = [
  { modifier: 'GA', says: 'an ABN is on file because Medicare may find the service not medically necessary' },
  {
    modifier: 'GZ',
    says: 'Medicare is expected to deny the service as not medically necessary and there is no ABN',
  },
];
const KX_LIABILITY_SOURCE =
  'CMS Pub. 100-04, ch. 5, §10.3 (KX attests medical necessity above the threshold); CMS Pub. 100-04, ch. 30, §40.3 (GA, GZ)';

const NON_PAIR_KEYS = new Set(NCCI_NON_PAIRS.flatMap(({ codes: [a, b] }) => [pairKey(a, b), pairKey(b, a)]));

function unknown(view: LineView, out: Finding[]): void {
  const { line } = view;
  for (const m of line.modifiers) {
    if (KNOWN_MODIFIERS.has(m)) continue;
    const at = { line: line.index, field: 'modifiers' as const };
    if (!isModifierShape(m)) {
      out.push(
        finding(
          'modifier/unknown',
          'error',
          `"${m.length > 12 ? `${m.slice(0, 12)}…` : m}" on ${lineLabel(line.index)} is not a modifier: modifiers are exactly two letters or digits (GP, KX, 59). Correct or remove it.`,
          MODIFIER_SHAPE_SOURCE,
          at,
        ),
      );
    } else {
      out.push(
        finding(
          'modifier/unknown',
          'info',
          `${m} on ${lineLabel(line.index)} is not a modifier we know for therapy claims: check that it is the one you meant.`,
          MODIFIER_SHAPE_SOURCE,
          at,
        ),
      );
    }
  }
}

function conflicts(view: LineView, out: Finding[]): void {
  const { line } = view;
  const mods = line.modifiers;
  if (mods.length < 2) return;
  const at = { line: line.index, field: 'modifiers' as const };
  // Lines carry two to four modifiers: index scans beat allocating a Set per line.
  for (let i = 1; i < mods.length; i++) {
    const m = mods[i]!;
    if (mods.indexOf(m) < i) {
      out.push(
        finding(
          'modifier/conflict',
          'warning',
          `${m} appears twice on ${lineLabel(line.index)}: once is enough.`,
          MODIFIER_SHAPE_SOURCE,
          {
            ...at,
            fix: { line: line.index, removeModifier: m },
          },
        ),
      );
    }
  }
  if ((view.modifierKinds & KX) !== 0) {
    for (const { modifier, says } of KX_LIABILITY) {
      if (!mods.includes(modifier)) continue;
      // No automatic fix: which of the two is true depends on the record, which only the notes show.
      out.push(
        finding(
          'modifier/conflict',
          'error',
          `KX and ${modifier} on ${lineLabel(line.index)} contradict each other: KX attests the service is medically necessary, ${modifier} says ${says}. Keep KX (and drop ${modifier}) if the record supports medical necessity; otherwise keep ${modifier} and remove KX.`,
          KX_LIABILITY_SOURCE,
          at,
        ),
      );
    }
  }
  if ((view.modifierKinds & CONFLICTING) === 0) return;
  for (const c of MODIFIER_CONFLICTS) {
    if (!mods.includes(c.a) || !mods.includes(c.b)) continue;
    // 59 with an X modifier: the X modifier is the more specific one, so dropping 59 is always right.
    const fix = c.a === '59' ? { fix: { line: line.index, removeModifier: '59' } } : {};
    out.push(
      finding(
        'modifier/conflict',
        'error',
        `${c.a} and ${c.b} on ${lineLabel(line.index)} exclude each other: ${c.why}. Keep only the one that is true.`,
        c.source,
        { ...at, ...fix },
      ),
    );
  }
}

/** Codes on the same day as this line, excluding the line itself. */
function sameDayCodes(view: LineView, ctx: RuleContext): string[] {
  const codes: string[] = [];
  for (const other of ctx.lines) {
    if (other === view || other.blank || other.line.code === null || other.dos !== view.dos) continue;
    codes.push(other.line.code);
  }
  return codes;
}

function misplaced(view: LineView, ctx: RuleContext, out: Finding[]): void {
  const { line, entry } = view;
  if (!entry) return;
  if (line.modifiers.includes('25')) {
    out.push(
      finding(
        'modifier/misplaced',
        'error',
        `25 on ${line.code} (${lineLabel(line.index)}) does not belong there: 25 marks a separately identifiable evaluation and management (E/M) service and goes only on E/M codes, never on a therapy line.`,
        MODIFIER_25_SOURCE,
        { line: line.index, field: 'modifiers', fix: { line: line.index, removeModifier: '25' } },
      ),
    );
  }
  if (entry.timed && line.modifiers.includes('52')) {
    out.push(
      finding(
        'modifier/misplaced',
        'warning',
        `52 on ${line.code} (${lineLabel(line.index)}): a shorter session of a timed code is not a reduced service; the minutes set the units. Remove 52 and bill the units the minutes support.`,
        MODIFIER_52_SOURCE,
        { line: line.index, field: 'modifiers', fix: { line: line.index, removeModifier: '52' } },
      ),
    );
  }
  distinctWithoutPartner(view, ctx, out);
}

/** True when a code pair (either order) is in the edit table for these two codes. */
function paired(ctx: RuleContext, a: string, b: string): boolean {
  return ctx.tables.ncci.has(pairKey(a, b)) || ctx.tables.ncci.has(pairKey(b, a));
}

/**
 * 59/X separates this service from another one billed the same day: with no code-pair edit
 * between this line and any other same-day line, nothing calls for it, and an unneeded
 * distinct-service modifier is itself an audit risk (facts §6, §10). The message never names the
 * line's own code as its "partner" (the same code twice is a units question, not a pair edit).
 */
function distinctWithoutPartner(view: LineView, ctx: RuleContext, out: Finding[]): void {
  const { line } = view;
  let distinct: string | undefined;
  for (const m of line.modifiers) {
    if ((modifierKind(m) & DISTINCT) === 0) continue;
    distinct = m;
    break;
  }
  if (!distinct || !line.code) return;
  const code = line.code;
  const others = sameDayCodes(view, ctx).filter((o) => o !== code);
  if (others.some((o) => paired(ctx, code, o))) return;
  // Certain when no other code shares the day, when every neighbour is a documented non-pair, or
  // when the user loaded the full CMS table; the built-in table holds only documented pairs.
  const loaded = ctx.tables.ncciVersion !== NCCI_BUILT_IN_VERSION;
  const certain = loaded || others.every((o) => NON_PAIR_KEYS.has(pairKey(code, o)));
  const at = { line: line.index, field: 'modifiers' as const, dataVersion: ctx.tables.ncciVersion };
  out.push(
    finding(
      'modifier/misplaced',
      'warning',
      certain
        ? `${distinct} on ${lineLabel(line.index)}: no code-pair edit on this claim calls for it. A distinct-service modifier where no edit calls for one is itself an audit risk; remove it unless the payer asks for it.`
        : `${distinct} on ${lineLabel(line.index)}: no code-pair edit we hold for this claim calls for it. A distinct-service modifier where no edit calls for one is itself an audit risk; check the current CMS PTP table (loadable in the options page) and remove it unless an edit or the payer asks for it.`,
      MODIFIER_59_SOURCE,
      certain ? { ...at, fix: { line: line.index, removeModifier: distinct } } : at,
    ),
  );
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const view of ctx.lines) {
    if (view.blank) continue;
    // Nearly every line carries only known modifiers, none of them 25, 52 or 59/X: then neither
    // unknown() nor misplaced() has anything to say, and the line view's kind bits show it.
    const plain = (view.modifierKinds & (UNKNOWN_SEEN | MISPLACEABLE)) === 0;
    if (!plain) unknown(view, out);
    conflicts(view, out);
    if (!plain) misplaced(view, ctx, out);
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const modifierMiscMeta: RuleCatalog = {
  'modifier/misplaced': {
    summary:
      'A modifier that does not belong on this code: 25 on a therapy line, 52 on a timed code, 59/X where no pair edit calls for it (95 on an in-person POS is telehealth/pos-modifier)',
    severity: 'error',
    source: `${MODIFIER_25_SOURCE}; ${MODIFIER_52_SOURCE}; ${MODIFIER_59_SOURCE}`,
  },
  'modifier/unknown': {
    summary: 'Not a two-character modifier (error), or a well-formed one we do not know (info)',
    severity: 'error',
    source: MODIFIER_SHAPE_SOURCE,
  },
  'modifier/conflict': {
    summary:
      'Modifiers that exclude each other on one line (GA/GZ/GY, KX with GA or GZ, 59 with XE/XS/XP/XU) or a modifier typed twice',
    severity: 'error',
    source: `${CONFLICT_SOURCE}; CMS Pub. 100-04, ch. 5, §10.3 (KX)`,
  },
};

export const modifierMiscRules: Rule = {
  family: 'modifier-misc',
  ids: ['modifier/misplaced', 'modifier/unknown', 'modifier/conflict'],
  check,
};
