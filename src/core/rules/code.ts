import { isCodeShape, lookupCode } from '../data/codes';
import type { Finding } from '../finding';
import { finding, lineLabel } from './finding';
import type { LineView, Rule, RuleCatalog } from './types';

const CODE_SOURCE = 'AMA CPT code set; CMS HCPCS Level II; CMS annual therapy code list';

/** What was typed, short; a value no one could have typed (an object) is shown as JSON rather than dropped. */
function shown(raw: unknown): string {
  let text = '';
  if (typeof raw === 'string' || typeof raw === 'number') text = String(raw).trim();
  else if (raw !== null && raw !== undefined) {
    try {
      text = JSON.stringify(raw) ?? typeof raw;
    } catch {
      text = typeof raw;
    }
  }
  return text.length > 12 ? `${text.slice(0, 12)}…` : text;
}

function checkLine(view: LineView, out: Finding[]): void {
  // A code found in the table has a valid shape and is in force: the everyday line stops here.
  if (view.entry) return;
  const { line } = view;
  const at = { line: line.index, field: 'code' as const };
  if (line.code === null) {
    const typed = shown(line.raw?.code);
    out.push(
      finding(
        'code/unknown',
        'error',
        typed === ''
          ? `Line ${line.index + 1} has no procedure code.`
          : `"${typed}" on ${lineLabel(line.index)} is not a CPT or HCPCS code (five digits like 97110, or a letter and four digits like G0283).`,
        CODE_SOURCE,
        at,
      ),
    );
    return;
  }
  if (!isCodeShape(line.code)) {
    out.push(
      finding(
        'code/unknown',
        'error',
        `"${shown(line.code)}" on ${lineLabel(line.index)} is not a CPT or HCPCS code (five digits like 97110, or a letter and four digits like G0283).`,
        CODE_SOURCE,
        at,
      ),
    );
    return;
  }
  const undated = lookupCode(line.code);
  if (undated && view.dos) {
    const when = view.dos < undated.validFrom ? `before ${undated.validFrom}` : `from ${undated.validTo}`;
    out.push(
      finding(
        'code/unknown',
        'error',
        `${line.code} (${undated.name}) on ${lineLabel(line.index)} is not valid on ${view.dos}: it is not in the code set ${when}.`,
        undated.source,
        at,
      ),
    );
    return;
  }
  out.push(
    finding(
      'code/unknown',
      'info',
      `${line.code} on ${lineLabel(line.index)} is not in our therapy code table, so only its shape was checked.`,
      CODE_SOURCE,
      at,
    ),
  );
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const codeMeta: RuleCatalog = {
  'code/unknown': {
    summary:
      'Not a CPT/HCPCS shape or not valid on the date (error), or a well-formed code outside the therapy tables (info)',
    severity: 'error',
    source: CODE_SOURCE,
  },
};

export const codeRules: Rule = {
  family: 'code',
  ids: ['code/unknown'],
  check(ctx) {
    const out: Finding[] = [];
    for (const view of ctx.lines) if (!view.blank) checkLine(view, out);
    return out;
  },
};
