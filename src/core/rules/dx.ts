import { inForce } from '../data/dated';
import {
  DX_DATA_VERSION,
  DX_LATERALITY_SOURCE,
  DX_PERIODS_BY_CODE,
  DX_POLICY_BY_CODE,
  isIcd10Shape,
} from '../data/dx';
import type { Finding } from '../finding';
import { tidyDiagnosis } from '../normalize/diagnosis';
import { finding, lineLabel } from './finding';
import type { Rule, RuleCatalog, RuleContext } from './types';

const ICD_SOURCE = 'CMS/CDC ICD-10-CM tabular list and guidelines (by fiscal year, from 1 October)';
const POLICY_SOURCE =
  'MAC and payer therapy policies (the diagnosis must support the functional limitation treated)';
const POINTER_SOURCE =
  'NUCC 1500 Claim Form Reference Instruction Manual, item 24E (up to four pointers, A–L)';
const POINTER_LETTERS = 'ABCDEFGHIJKL';
/** Shared by every line without bad or ambiguous pointers; never mutated. */
const NO_TOKENS: readonly string[] = [];

function claimDate(ctx: RuleContext): string | null {
  if (ctx.claim.dateOfService) return ctx.claim.dateOfService;
  for (const v of ctx.lines) if (!v.blank && v.dos) return v.dos;
  return null;
}

function letter(i: number): string {
  return POINTER_LETTERS[i] ?? String(i + 1);
}

function diagnoses(ctx: RuleContext, out: Finding[]): void {
  const dos = claimDate(ctx);
  const list = ctx.claim.diagnoses;
  const undated: string[] = [];
  // A "specific" diagnosis: well formed, billable on the date, and on neither policy list.
  let hasSpecific = false;
  for (const code of list) {
    if (code === null || !isIcd10Shape(code) || DX_POLICY_BY_CODE.has(code)) continue;
    const period = DX_PERIODS_BY_CODE.get(code);
    if (period && dos && !inForce(period, dos)) continue;
    hasSpecific = true;
  }
  // A loop, not forEach: holes (undefined) are skipped as forEach skips them, and a diagnosis
  // with nothing to say builds neither its name nor its location.
  for (let i = 0; i < list.length; i++) {
    const code = list[i];
    if (code === null || code === undefined) continue;
    if (!isIcd10Shape(code)) {
      const at = { diagnosis: i, field: 'diagnoses' as const };
      const name = `Diagnosis ${letter(i)}`;
      const shown = code.length > 12 ? `${code.slice(0, 12)}…` : code;
      out.push(
        finding(
          'dx/invalid',
          'error',
          `${name} "${shown}" is not an ICD-10-CM code: codes are a letter, two characters, then optionally a dot and up to four more (M54.50, I69.351).`,
          ICD_SOURCE,
          at,
        ),
      );
      continue;
    }
    const period = DX_PERIODS_BY_CODE.get(code);
    if (period) {
      if (!dos) undated.push(code);
      else if (!inForce(period, dos)) {
        const at = { diagnosis: i, field: 'diagnoses' as const };
        const name = `Diagnosis ${letter(i)}`;
        const fix =
          period.replacements.length === 1
            ? { fix: { diagnosis: i, setDiagnosis: period.replacements[0]! } }
            : {};
        out.push(
          finding(
            'dx/not-billable',
            'error',
            `${name} ${code} is not billable on ${dos}: ${period.why}. Use ${period.replacements.length === 1 ? period.replacements[0] : `the specific code: ${period.replacements.join(', ')}`}.`,
            period.source,
            { ...at, ...fix, dataVersion: DX_DATA_VERSION },
          ),
        );
        continue;
      }
    }
    const policy = DX_POLICY_BY_CODE.get(code);
    if (!policy || (policy.aloneOnly && hasSpecific)) continue;
    const at = { diagnosis: i, field: 'diagnoses' as const };
    const name = `Diagnosis ${letter(i)}`;
    const rule = policy.kind === 'avoid' ? 'dx/avoid' : 'dx/nonspecific';
    const advice = policy.aloneOnly
      ? `Add the specific condition being treated${policy.instead ? ` (${policy.instead})` : ''} and point the lines to it.`
      : 'Use the diagnosis that shows the condition and functional limitation being treated.';
    const source = policy.instead?.includes('I69.35')
      ? `${policy.source}; ${DX_LATERALITY_SOURCE}`
      : policy.source;
    out.push(
      finding(rule, 'warning', `${name} ${code}: ${policy.why}. ${advice}`, source, {
        ...at,
        dataVersion: DX_DATA_VERSION,
      }),
    );
  }
  if (undated.length > 0) {
    out.push(
      finding(
        'check/skipped',
        'info',
        `Not checked whether ${undated.join(', ')} ${undated.length === 1 ? 'is' : 'are'} billable: ${ctx.claim.unreadable?.includes('dateOfService') ? 'the date of service could not be read' : 'the claim has no date of service'}, and ${undated.length === 1 ? 'this code is' : 'these codes are'} billable only on some dates.`,
        ICD_SOURCE,
        { field: 'dateOfService' },
      ),
    );
  }
}

/** Where a dx/pointer finding points; built only for a finding (most lines have none). */
function pointerAt(line: number): { line: number; field: 'dxPointers' } {
  return { line, field: 'dxPointers' };
}

function allFilled(slots: readonly number[], list: readonly (string | null)[]): boolean {
  for (let i = 0; i < slots.length; i++) {
    const dx = list[slots[i]!];
    if (dx === undefined || dx === null) return false;
  }
  return true;
}

function pointers(ctx: RuleContext, out: Finding[]): void {
  const list = ctx.claim.diagnoses;
  for (const v of ctx.lines) {
    const { line } = v;
    if (v.blank || line.code === null) continue;
    // A page or JSON without a pointer field says nothing about pointers: only judge what was given.
    if (line.raw?.dxPointers === undefined) continue;
    const errors: unknown = line.dxPointerErrors;
    const slots = line.dxPointers;
    // The everyday line: one to four readable pointers, each to a filled diagnosis, nothing to say.
    if (
      Array.isArray(errors) &&
      errors.length === 0 &&
      line.dxPointerGuesses === undefined &&
      slots.length > 0 &&
      slots.length <= 4 &&
      allFilled(slots, list)
    )
      continue;
    // Most lines have no bad pointer: no list is built for them.
    const bad =
      Array.isArray(errors) && errors.length > 0
        ? errors.filter((e): e is string => typeof e === 'string')
        : NO_TOKENS;
    for (const token of bad) {
      const short = token.length > 8 ? `${token.slice(0, 8)}…` : token;
      const code = tidyDiagnosis(token);
      out.push(
        finding(
          'dx/pointer',
          'error',
          isIcd10Shape(code)
            ? `${line.code} on ${lineLabel(line.index)} points to ${code}, which is not a diagnosis on this claim: add ${code} to the diagnoses or point to one of them (A–L).`
            : `${line.code} on ${lineLabel(line.index)} has diagnosis pointer "${short}", which is not a letter A–L or number 1–12${/^\d+$/.test(token) && list.length < 10 ? ` (this claim has ${list.length === 1 ? 'one diagnosis' : `${list.length} diagnoses`})` : ''}.`,
          POINTER_SOURCE,
          pointerAt(line.index),
        ),
      );
    }
    for (const token of line.dxPointerGuesses ?? NO_TOKENS) {
      const digits = [...new Set([...token].map((d) => letter(Number(d) - 1)))].join(' and ');
      out.push(
        finding(
          'dx/pointer',
          'warning',
          `${line.code} on ${lineLabel(line.index)} has diagnosis pointer "${token}", read as ${digits}; it could also mean ${letter(Number(token) - 1)} (${token}). Type pointers as letters (${[...new Set([...token].map((d) => letter(Number(d) - 1)))].join('')}) or with commas (${[...token].join(',')}) so every portal reads them the same way.`,
          POINTER_SOURCE,
          pointerAt(line.index),
        ),
      );
    }
    if (line.dxPointers.length === 0 && bad.length === 0) {
      out.push(
        finding(
          'dx/pointer',
          'error',
          `${line.code} on ${lineLabel(line.index)} points to no diagnosis: each line needs a pointer (A–L) to the diagnosis it treats.`,
          POINTER_SOURCE,
          pointerAt(line.index),
        ),
      );
      continue;
    }
    for (const p of line.dxPointers) {
      if (list[p] !== undefined && list[p] !== null) continue;
      out.push(
        finding(
          'dx/pointer',
          'error',
          `${line.code} on ${lineLabel(line.index)} points to diagnosis ${letter(p)}, which is empty: point it to a listed diagnosis or fill in ${letter(p)}.`,
          POINTER_SOURCE,
          pointerAt(line.index),
        ),
      );
    }
    if (line.dxPointers.length > 4) {
      out.push(
        finding(
          'dx/pointer',
          'warning',
          `${line.code} on ${lineLabel(line.index)} has ${line.dxPointers.length} diagnosis pointers: a claim line takes at most four, primary first.`,
          POINTER_SOURCE,
          pointerAt(line.index),
        ),
      );
    }
  }
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  diagnoses(ctx, out);
  pointers(ctx, out);
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const dxMeta: RuleCatalog = {
  'dx/avoid': {
    summary: 'A diagnosis payers deny for therapy: R69, Z87.39, or M54.50 without a more specific code',
    severity: 'warning',
    source: POLICY_SOURCE,
  },
  'dx/nonspecific': {
    summary: 'Z74.09 or M62.81 without a specific diagnosis beside it',
    severity: 'warning',
    source: POLICY_SOURCE,
  },
  'dx/not-billable': {
    summary:
      'A header, retired or not-yet-valid code on the date of service (G35 from 2025-10-01, M54.5 from 2021-10-01)',
    severity: 'error',
    source: ICD_SOURCE,
  },
  'dx/invalid': {
    summary: 'Not an ICD-10-CM code at all (wrong shape)',
    severity: 'error',
    source: ICD_SOURCE,
  },
  'dx/pointer': {
    summary:
      'A line that points to no diagnosis, to an empty slot, with an unreadable pointer, or with more than four',
    severity: 'error',
    source: POINTER_SOURCE,
  },
};

export const dxRules: Rule = {
  family: 'dx',
  ids: ['dx/avoid', 'dx/nonspecific', 'dx/not-billable', 'dx/invalid', 'dx/pointer'],
  check,
};
