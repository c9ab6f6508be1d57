import type { NcciPair } from '../data/edit-tables';
import { DISTINCT_SERVICE_MODIFIERS, MODIFIER_59_SOURCE } from '../data/modifiers';
import type { Finding } from '../finding';
import { memoizeText } from '../normalize/memo';
import { pairKey } from './context';
import { finding, lineLabel } from './finding';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';

const NCCI_SOURCE = 'CMS NCCI practitioner procedure-to-procedure (PTP) edits; NCCI Policy Manual, ch. 1';

/** One spelling per citation, so "CMS NCCI practitioner procedure-to-procedure (PTP) edits" and "NCCI practitioner PTP edits" count once. */
function citationKey(part: string): string {
  return part
    .toLowerCase()
    .replace(/procedure-to-procedure \(ptp\)/g, 'ptp')
    .replace(/\bcms\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The citations of a finding, each once, in order. A pair row's own source says where that row
 * comes from (the MLN modifier-59 sheet only for the row it documents): it is not padded with
 * sources that do not speak about that pair.
 */
export function citeOnce(...sources: string[]): string {
  return citeJoined(sources.join(SOURCE_BREAK));
}

/** Between sources in citeJoined's key (no citation holds it). */
const SOURCE_BREAK = '\u0000';
/** The same few sources are cited on every check of a claim (each keystroke re-checks it): read once. */
const citeJoined = memoizeText((joined) => citeEach(joined.split(SOURCE_BREAK)));

function citeEach(sources: readonly string[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const source of sources) {
    for (const raw of source.split(';')) {
      const part = raw.trim();
      const key = citationKey(part);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      parts.push(part);
    }
  }
  return parts.join('; ');
}

function inForce(p: NcciPair, dos: string | null): boolean {
  if (p.modifierIndicator === 9) return false;
  if (dos === null) return p.deleted === null;
  return p.effective <= dos && (p.deleted === null || dos < p.deleted);
}

function activePair(ctx: RuleContext, column1: string, column2: string, dos: string | null): NcciPair | null {
  const rows = ctx.tables.ncci.get(pairKey(column1, column2));
  if (!rows) return null;
  for (const p of rows) if (inForce(p, dos)) return p;
  return null;
}

function hasDistinct(view: LineView): string | undefined {
  return view.line.modifiers.find((m) => DISTINCT_SERVICE_MODIFIERS.has(m));
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const candidates: LineView[] = [];
  for (const v of ctx.lines) if (!v.blank && v.paired) candidates.push(v);
  if (candidates.length < 2) return out;
  // Pairs are looked for within one date of service: the lines of each date, in claim order (a
  // month of visits is 50 lines, and a pass over every pair of them ran on each keystroke).
  const byDay = new Map<string | null, LineView[]>();
  for (const v of candidates) {
    const day = byDay.get(v.dos);
    if (day) day.push(v);
    else byDay.set(v.dos, [v]);
  }
  const reported = new Set<number>();
  for (const col2 of candidates) {
    for (const col1 of byDay.get(col2.dos)!) {
      if (col1 === col2 || reported.has(col2.line.index)) continue;
      const a = col1.line.code!;
      const b = col2.line.code!;
      const pair = activePair(ctx, a, b, col2.dos);
      if (!pair) continue;
      const at = { line: col2.line.index, field: 'modifiers' as const, dataVersion: ctx.tables.ncciVersion };
      if (pair.modifierIndicator === 0) {
        reported.add(col2.line.index);
        out.push(
          finding(
            'ncci/pair-never',
            'error',
            `${b} (${lineLabel(col2.line.index)}) is bundled into ${a} (${lineLabel(col1.line.index)}) on the same day and no modifier can separate them (modifier indicator 0): ${b} will deny. Bill ${a} alone.`,
            citeOnce(NCCI_SOURCE, String(pair.source ?? '')),
            at,
          ),
        );
        continue;
      }
      if (hasDistinct(col2)) continue;
      reported.add(col2.line.index);
      const onColumn1 = hasDistinct(col1);
      const misplacedNote = onColumn1
        ? ` The ${onColumn1} on ${a} is on the wrong line: the modifier goes on the column-2 code, ${b}.`
        : '';
      // No automatic fix: 59/X is true only if the services were in separate 15-minute blocks, which only the notes show.
      out.push(
        finding(
          'ncci/pair-needs-modifier',
          'warning',
          `${a} and ${b} on the same day are a code pair (column 1 ${a}, column 2 ${b}, modifier indicator 1): ${b} denies as bundled unless it carries 59 or XU/XE/XS/XP. Add one only if the two were done in separate time blocks and the notes show it; otherwise do not bill ${b} separately.${misplacedNote}`,
          citeOnce(NCCI_SOURCE, String(pair.source ?? '')),
          at,
        ),
      );
    }
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const ncciMeta: RuleCatalog = {
  'ncci/pair-needs-modifier': {
    summary:
      'A column-1/column-2 pair (indicator 1) on one date without 59/XE/XS/XP/XU on the column-2 code; no automatic fix (needs separate time blocks)',
    severity: 'warning',
    source: citeOnce(NCCI_SOURCE, MODIFIER_59_SOURCE),
  },
  'ncci/pair-never': {
    summary: 'A pair with modifier indicator 0: no modifier can unbundle it',
    severity: 'error',
    source: NCCI_SOURCE,
  },
};

export const ncciRules: Rule = {
  family: 'ncci',
  ids: ['ncci/pair-needs-modifier', 'ncci/pair-never'],
  check,
};
