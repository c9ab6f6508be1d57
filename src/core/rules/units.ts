import type { Finding, Fix } from '../finding';
import { unitsForMinutes } from '../units/table';
import { finding, lineLabel } from './finding';
import type { LineView, Rule, RuleCatalog, RuleContext } from './types';
import { countDay, type DayCount } from './units-count';
import { everyPlacementTried, settleTies } from './units-ties';

const CMS_UNITS = 'CMS Pub. 100-04, ch. 5, §20.2; Pub. 100-02, ch. 15, §220.3';
const AMA_UNITS = 'CPT introduction (a unit of time is attained when the mid-point is passed)';
const UNITS_SOURCE = `${CMS_UNITS} (CMS method); ${AMA_UNITS} (AMA method)`;
const MUE_SOURCE = 'CMS Medically Unlikely Edits (MUE), practitioner table; payer daily limits';

function methodSource(ctx: RuleContext): string {
  return ctx.profile.unitMethod === 'cms' ? CMS_UNITS : AMA_UNITS;
}

function methodName(ctx: RuleContext): string {
  return ctx.profile.unitMethod === 'cms'
    ? 'the CMS 8-minute rule (total timed minutes of the day)'
    : 'the AMA/CPT method (each code counted on its own)';
}

function typed(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return '';
  let text: string;
  try {
    // An object in the box is shown as typed (JSON), not as "[object Object]".
    text = typeof value === 'object' ? (JSON.stringify(value) ?? String(value)) : String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * A day has 1,440 minutes: at most 96 fifteen-minute units of anything. More on one line of a
 * therapy code is a typing slip (or a spreadsheet's 1e308), not a count to compare with minutes.
 */
export const MAX_UNITS_A_DAY = 96;

/** Whole, positive units: anything else is units/invalid and makes the day's comparison meaningless. */
function validUnits(units: number | null): units is number {
  return units !== null && Number.isInteger(units) && units > 0 && units <= MAX_UNITS_A_DAY;
}

/**
 * A timed line's units as the day's comparison reads them: whole, from 0 (a code the method gives
 * no unit that day is rightly billed at 0, or better left off) up to what a day can hold.
 */
function countableUnits(units: number | null): units is number {
  return units !== null && Number.isInteger(units) && units >= 0 && units <= MAX_UNITS_A_DAY;
}

function unitsText(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= MAX_UNITS_A_DAY
    ? UNITS_TEXT[n]!
    : `${n} unit${n === 1 ? '' : 's'}`;
}

/** "0 units" to "96 units", built once: units findings quote them on every check. */
const UNITS_TEXT: readonly string[] = Array.from(
  { length: MAX_UNITS_A_DAY + 1 },
  (_, n) => `${n} unit${n === 1 ? '' : 's'}`,
);

/** units/invalid: per line, before any counting. */
function invalidUnits(view: LineView, out: Finding[]): void {
  const { line } = view;
  if (line.units !== null && Number.isInteger(line.units) && line.units > 0) {
    // Codes outside the therapy tables (supplies, drugs) may bill large unit counts: not ours to cap.
    if (line.units <= MAX_UNITS_A_DAY || view.entry === null) return;
  }
  const raw = typed(line.raw?.units);
  let problem: string;
  if (line.units === null)
    problem = raw === '' ? 'has no units' : `has units "${raw}", which is not a number of units`;
  else if (line.units === 0) problem = 'has 0 units';
  else if (line.units < 0) problem = `has negative units (${line.units})`;
  else if (Number.isInteger(line.units))
    problem = `has ${line.units > 1e6 ? 'more than a million' : line.units} units, more than any day can hold (1,440 minutes are at most ${MAX_UNITS_A_DAY} fifteen-minute units)`;
  else
    problem = `has ${line.units} units: units are whole numbers (minutes decide them; modifier 52 does not make a partial unit)`;
  out.push(
    finding(
      'units/invalid',
      'error',
      `${line.code === null ? `Line ${line.index + 1}` : `${line.code} on ${lineLabel(line.index)}`} ${problem}. Enter the whole number of units billed.`,
      CMS_UNITS,
      {
        line: line.index,
        field: 'units',
      },
    ),
  );
}

interface CodeDay {
  code: string;
  views: LineView[];
  billed: number;
  /** What the payer's method gives the code once the tie is settled; filled in by compareDay. */
  want: number;
}

/**
 * Groups one day's timed lines by code, the way countUnits counts them, in the order the codes
 * were first typed. A list searched in a line, not a Map: a day holds a handful of codes, and
 * string-keyed Map reads were a large share of every day that is compared.
 */
function byCode(views: readonly LineView[]): CodeDay[] {
  const codes: CodeDay[] = [];
  for (let i = 0; i < views.length; i++) {
    const v = views[i]!;
    const code = v.line.code!;
    const day = codeDayOf(codes, code);
    if (day) {
      day.views.push(v);
      day.billed += v.line.units!;
    } else codes.push({ code, views: [v], billed: v.line.units!, want: 0 });
  }
  return codes;
}

function codeDayOf(codes: readonly CodeDay[], code: string): CodeDay | undefined {
  for (let i = 0; i < codes.length; i++) if (codes[i]!.code === code) return codes[i];
  return undefined;
}

function tieText(result: DayCount): string {
  if (result.ties.length === 0) return '';
  const ties = result.ties.map(
    (t) => `${t.codes.join(' and ')} are tied for ${t.units === 1 ? 'a unit' : `${t.units} units`}`,
  );
  return ` (${ties.join('; ')}: the clinician chooses, either way is right)`;
}

function expectedText(expected: ReadonlyMap<string, number>): string {
  return [...expected].map(([code, units]) => `${code} ×${units}`).join(', ');
}

/** Shared by every day without a 0-unit line; never mutated. */
const NO_LINES: readonly LineView[] = [];

const COGNITIVE_FIRST = '97129';
const COGNITIVE_ADD_ON = '97130';

/** A timed line billed at 0 units where the method gives its code nothing more: say to leave it off, never to raise it. */
function zeroLine(ctx: RuleContext, v: LineView, out: Finding[]): void {
  const code = v.line.code!;
  const cms = ctx.profile.unitMethod === 'cms';
  out.push(
    finding(
      'units/allocation',
      'info',
      cms
        ? `${code} on ${lineLabel(v.line.index)} bills 0 units: under ${methodName(ctx)} it earns no unit today. Remove the line (its minutes still count toward the day's total and belong in the notes).`
        : `${code} on ${lineLabel(v.line.index)} bills 0 units: under ${methodName(ctx)} its minutes earn no unit today. Remove the line.`,
      methodSource(ctx),
      { line: v.line.index, field: 'units' },
    ),
  );
}

/** 97130 billed without 97129 on the day: an add-on billed alone denies, whatever its units. */
function addOnAlone(
  ctx: RuleContext,
  codes: readonly CodeDay[],
  expected: Map<string, number>,
  out: Finding[],
): void {
  const v = codeDayOf(codes, COGNITIVE_ADD_ON)!.views[0]!;
  const first = expected.get(COGNITIVE_FIRST) ?? 0;
  const more = expected.get(COGNITIVE_ADD_ON) ?? 0;
  const should =
    more > 0 ? `bill the first unit as 97129 ×1 and the rest as 97130 ×${more}` : 'bill it as 97129 ×1';
  out.push(
    finding(
      'units/allocation',
      'error',
      `97130 on ${lineLabel(v.line.index)} is an add-on (each additional 15 minutes) billed only with 97129 (the first 15 minutes, once a day), and this day has no 97129. Under ${methodName(ctx)} the minutes support ${unitsText(first + more)}: ${should}.`,
      `${methodSource(ctx)}; CPT descriptors for 97129/97130 (facts §3)`,
      { line: v.line.index, field: 'code' },
    ),
  );
}

/** One treatment day: compares billed timed units with the payer's counting method. */
export function compareDay(ctx: RuleContext, timed: LineView[], out: Finding[]): void {
  const codes = byCode(timed);
  const entries: { code: string; minutes: number }[] = [];
  for (const v of timed) entries.push({ code: v.line.code!, minutes: v.line.minutes! });
  const result = countDay(ctx.profile.unitMethod, entries);
  // A tie is the clinician's choice: judge the day by the placement closest to what was billed.
  const settled = settleTies(result, (code) => codeDayOf(codes, code)?.billed ?? 0);
  const expected = settled.expected;
  let billedTotal = 0;
  for (const day of codes) {
    billedTotal += day.billed;
    day.want = expected.get(day.code) ?? 0;
  }
  const source = methodSource(ctx);
  const method = methodName(ctx);
  const minutes = result.totalTimedMinutes;
  // 0-unit lines are rare: no list is built on a day without one.
  let zeros: readonly LineView[] = NO_LINES;
  for (const v of timed) {
    if (v.line.units !== 0) continue;
    zeros = timed.filter((z) => z.line.units === 0);
    break;
  }

  if (ctx.profile.unitMethod === 'cms' && result.totalUnits === 0 && billedTotal > 0) {
    for (const day of codes) {
      if (day.billed === 0) continue;
      const v = day.views[0]!;
      out.push(
        finding(
          'units/below-minimum',
          'error',
          `${day.code} on ${lineLabel(v.line.index)}: ${minutes} timed minutes in the day cannot reach one unit (a timed unit needs at least 8 minutes). A single timed service under 8 minutes is not billable: remove the line or check the minutes.`,
          source,
          { line: v.line.index, field: 'minutes' },
        ),
      );
    }
    for (const v of zeros) zeroLine(ctx, v, out);
    return;
  }

  const addOn = codeDayOf(codes, COGNITIVE_ADD_ON);
  const cognitiveFirst = codeDayOf(codes, COGNITIVE_FIRST);
  const addOnOnly = addOn !== undefined && cognitiveFirst === undefined;
  if (addOnOnly) addOnAlone(ctx, codes, expected, out);
  const open = settled.open;
  const direction = Math.sign(billedTotal - result.totalUnits);
  const deviating: CodeDay[] = [];
  for (const day of codes) {
    // 97130 without 97129 is said above: its units cannot be right on their own.
    if (addOnOnly && day.code === COGNITIVE_ADD_ON) continue;
    if (day.billed !== day.want) deviating.push(day);
  }
  // 97129 billed, and the minutes earn 97130 units no line bills: no fix can add a line, so the 97129 line says it.
  const missingAddOn =
    !addOnOnly && cognitiveFirst !== undefined && addOn === undefined
      ? (expected.get(COGNITIVE_ADD_ON) ?? 0)
      : 0;
  for (const v of zeros) {
    const day = codeDayOf(codes, v.line.code!)!;
    if (day.want === day.billed) zeroLine(ctx, v, out);
  }
  if (deviating.length === 0 && missingAddOn === 0) return;

  if (direction === 0 && ctx.profile.unitMethod === 'cms') {
    if (addOnOnly && deviating.length === 0) return;
    const first = (deviating[0] ?? cognitiveFirst!).views[0]!;
    const billedText = codes.map((d) => `${d.code} ×${d.billed}`).join(', ');
    out.push(
      finding(
        'units/allocation',
        'warning',
        `The day's total of ${result.totalUnits} timed units is right for ${minutes} minutes, but ${method} spreads them as ${expectedText(expected)}, not ${billedText}${tieText(result)}. Each code first gets one unit per full 15 minutes; the rest go to the codes with the most leftover minutes.`,
        source,
        { line: first.line.index, field: 'units' },
      ),
    );
    return;
  }

  if (missingAddOn > 0 && direction < 0) {
    const v = cognitiveFirst!.views[0]!;
    out.push(
      finding(
        'units/under-billed',
        'warning',
        `97129 on ${lineLabel(v.line.index)} covers only the first 15 minutes (once a day): under ${method} the minutes also support 97130 ×${missingAddOn} (each additional 15 minutes), and no line bills it. Add a 97130 line with ${unitsText(missingAddOn)} if the minutes are documented: money left behind.`,
        `${source}; CPT descriptors for 97129/97130 (facts §3)`,
        { line: v.line.index, field: 'code' },
      ),
    );
  }

  for (const day of deviating) {
    const want = day.want;
    const over = day.billed > want;
    // With a CMS total that is right or off the other way, a line's difference is allocation, reported above.
    if (ctx.profile.unitMethod === 'cms' && direction !== 0 && Math.sign(day.billed - want) !== direction)
      continue;
    const v = day.views[0]!;
    const lineMinutes = day.views.reduce((s, x) => s + x.line.minutes!, 0);
    const fixable = day.views.length === 1 && !open.has(day.code);
    if (ctx.profile.unitMethod === 'ama' && over && want === 0) {
      out.push(
        finding(
          'units/below-minimum',
          'error',
          `${day.code} on ${lineLabel(v.line.index)}: ${lineMinutes} minutes on its own cannot reach one unit under ${method} (8 minutes needed; minutes are not pooled across codes). Remove the line or check the minutes.`,
          source,
          { line: v.line.index, field: 'minutes' },
        ),
      );
      continue;
    }
    const tie = open.has(day.code) ? result.ties.find((t) => t.codes.includes(day.code)) : undefined;
    const where =
      day.views.length > 1 ? ` (${day.code} is on ${day.views.length} lines: correct one of them)` : '';
    let scope: string;
    let action: string;
    if (ctx.profile.unitMethod === 'ama') {
      scope = `${lineMinutes} minutes of ${day.code} support ${unitsText(want)} under ${method}`;
      action = over
        ? `Bill ${want}, or add the missing minutes if they were documented.`
        : `Bill ${want} if the minutes are documented.`;
    } else if (tie) {
      scope = `the day's ${minutes} timed minutes support ${unitsText(result.totalUnits)} in all under ${method}, and ${tie.codes.join(', ')} are tied for ${unitsText(tie.units)} of them`;
      action = over
        ? 'Take a unit off one of the tied codes (the clinician chooses which).'
        : 'Add a unit to one of the tied codes (the clinician chooses which) if the minutes are documented.';
    } else {
      const settledTie = result.ties.find((t) => t.codes.includes(day.code));
      const tieNote = settledTie
        ? ` (the ${settledTie.units === 1 ? 'unit' : 'units'} ${settledTie.codes.join(' and ')} tie for ${settledTie.units === 1 ? 'stays where it was' : 'stay where they were'} billed)`
        : '';
      scope = `the day's ${minutes} timed minutes support ${unitsText(result.totalUnits)} in all under ${method}, ${want === 0 ? 'none' : want} of them on ${day.code}${tieNote}`;
      action =
        want === 0
          ? `Remove ${day.code}, or add the missing minutes if they were documented.`
          : over
            ? `Bill ${want}, or add the missing minutes if they were documented.`
            : `Bill ${want} if the minutes are documented.`;
    }
    const billed = `${day.code} on ${lineLabel(v.line.index)} bills ${unitsText(day.billed)}`;
    const at: { line: number; field: 'units'; fix?: Fix } = { line: v.line.index, field: 'units' };
    // A fix to 0 units would leave a line that bills nothing: removing it is the biller's call.
    if (fixable && want > 0) at.fix = { line: v.line.index, setUnits: want };
    if (over) {
      out.push(
        finding('units/exceeds-minutes', 'error', `${billed}, but ${scope}${where}. ${action}`, source, at),
      );
    } else if (day.billed === 0) {
      // 0 units on a line the minutes give a unit: the number is wrong, not merely low.
      out.push(finding('units/invalid', 'error', `${billed}, but ${scope}${where}. ${action}`, source, at));
    } else {
      out.push(
        finding(
          'units/under-billed',
          'warning',
          `${billed}, but ${scope}${where}: money left behind. ${action}`,
          source,
          at,
        ),
      );
    }
  }
}

/**
 * The common day, said cheaply: each timed code on one line, no 97129/97130 pool, and every line
 * billing what the payer's method gives it, a CMS tie placed any of the ways the clinician may
 * place it. compareDay finds nothing on exactly such days (a property test holds the two to
 * each other); any other day goes to compareDay.
 */
export function dayAgrees(method: 'cms' | 'ama', timed: readonly LineView[]): boolean {
  const n = timed.length;
  let totalMinutes = 0;
  let fullTotal = 0;
  for (let i = 0; i < n; i++) {
    const line = timed[i]!.line;
    const code = line.code;
    // A 0-unit line is said even when it is right (leave it off): compareDay says it.
    if (code === COGNITIVE_FIRST || code === COGNITIVE_ADD_ON || line.units === 0) return false;
    for (let j = 0; j < i; j++) if (timed[j]!.line.code === code) return false;
    const minutes = Math.floor(line.minutes!);
    if (method === 'ama' && unitsForMinutes(minutes) !== line.units) return false;
    totalMinutes += minutes;
    fullTotal += Math.floor(minutes / 15);
  }
  if (method === 'ama') return true;
  if (n === 1) return unitsForMinutes(totalMinutes) === timed[0]!.line.units;
  // allocateCms without its arrays (units-fast-day.test.ts compares them): the units still owed
  // go to the most leftover minutes, earlier lines first; equal leftovers across the cut are a tie.
  const remaining = Math.max(0, Math.min(n, unitsForMinutes(totalMinutes) - fullTotal));
  // Only the first n entries are read: setting the scratch's length on every day costs more than the loop.
  const left = LEFTOVER;
  for (let i = 0; i < n; i++) left[i] = Math.floor(timed[i]!.line.minutes!) % 15;
  let lowestGiven = Number.POSITIVE_INFINITY;
  let highestNotGiven = Number.NEGATIVE_INFINITY;
  const owed = OWED;
  for (let i = 0; i < n; i++) {
    owed[i] = owedUnit(left, n, i, remaining) ? 1 : 0;
    if (owed[i] === 1) lowestGiven = Math.min(lowestGiven, left[i]!);
    else highestNotGiven = Math.max(highestNotGiven, left[i]!);
  }
  const cut = lowestGiven === highestNotGiven ? lowestGiven : null;
  let tied = 0;
  let tiedUnits = 0;
  let tiedBilled = 0;
  let asCounted = true;
  for (let i = 0; i < n; i++) {
    const line = timed[i]!.line;
    const given = owed[i]!;
    const extra = line.units! - Math.floor(Math.floor(line.minutes!) / 15);
    if (left[i] !== cut) {
      if (extra !== given) return false;
      continue;
    }
    // A tied line: it may carry the unit or not, as long as the tie's units are all placed.
    if (extra !== 0 && extra !== 1) return false;
    tied++;
    tiedUnits += given;
    tiedBilled += extra;
    if (extra !== given) asCounted = false;
  }
  if (tiedBilled !== tiedUnits) return false;
  // Past settleTies' limit the tie stays open and only the count's own placement is quiet.
  return asCounted || everyPlacementTried(tied, tiedUnits);
}

/** Scratch for dayAgrees' leftover minutes, reused so the everyday check allocates nothing (checks never overlap). */
const LEFTOVER: number[] = [];
/** Scratch for whether the count gives each line one of the day's remaining units (1) or not (0), worked out once per line. */
const OWED: number[] = [];

/** Whether the count gives line i one of the day's `remaining` units: most leftover first, then typed first. */
function owedUnit(left: readonly number[], n: number, i: number, remaining: number): boolean {
  let ahead = 0;
  for (let j = 0; j < n && ahead < remaining; j++) {
    if (j === i) continue;
    if (left[j]! > left[i]! || (left[j] === left[i] && j < i)) ahead++;
  }
  return ahead < remaining;
}

/** units/excessive: a code's units on one day above the daily maximum (MUE-style). */
function excessive(ctx: RuleContext, day: readonly LineView[], out: Finding[]): void {
  let limited = false;
  for (const v of day) if (v.limited) limited = true;
  if (!limited) return;
  const totals = new Map<string, { units: number; first: LineView }>();
  for (const v of day) {
    if (v.line.code === null || !validUnits(v.line.units)) continue;
    const t = totals.get(v.line.code);
    if (t) t.units += v.line.units;
    else totals.set(v.line.code, { units: v.line.units, first: v });
  }
  for (const [code, t] of totals) {
    const mue = ctx.tables.mue.get(code);
    if (!mue || t.units <= mue.maxUnits) continue;
    out.push(
      finding(
        'units/excessive',
        'warning',
        `${code} has ${t.units} units on one day, above the usual maximum of ${mue.maxUnits} a day (${mue.source}). Payers deny the units above it unless the record supports them; check the units and minutes.`,
        `${MUE_SOURCE}; ${mue.source}`,
        { line: t.first.line.index, field: 'units', dataVersion: ctx.tables.mueVersion },
      ),
    );
  }
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const days = new Map<string, LineView[]>();
  // Whether any line bills a code with a daily maximum: most claims have none, and skip the per-day totals.
  let limited = false;
  let lastKey: string | null = null;
  let lastDay: LineView[] | null = null;
  for (const v of ctx.lines) {
    if (v.blank) continue;
    // 0 units on a timed line may be right (a code the method gives nothing that day): the day decides.
    const zeroTimed = v.line.units === 0 && v.entry?.timed === true;
    if (!zeroTimed && (v.line.code !== null || v.line.units !== null || typed(v.line.raw?.units) !== ''))
      invalidUnits(v, out);
    if (v.limited) limited = true;
    const key = v.dos ?? '';
    // Portals list a day's lines together: the previous line's day is found without a Map read.
    if (key === lastKey && lastDay !== null) {
      lastDay.push(v);
      continue;
    }
    let day = days.get(key);
    if (day) day.push(v);
    else {
      day = [v];
      days.set(key, day);
    }
    lastKey = key;
    lastDay = day;
  }
  const noMinutes: number[] = [];
  for (const day of days.values()) {
    if (limited) excessive(ctx, day, out);
    let readable = true;
    let untimed = 0;
    for (const v of day) {
      if (v.entry?.timed !== true) {
        untimed++;
        continue;
      }
      const { minutes, units } = v.line;
      if (minutes === null || minutes < 0 || !countableUnits(units)) readable = false;
    }
    // A day of timed codes only (the usual day) is its own list of timed lines: no copy is made.
    const timed = untimed === 0 ? day : day.filter((v) => v.entry?.timed === true);
    if (timed.length === 0) continue;
    // One unreadable or missing value makes the day's total meaningless: say so rather than guess.
    if (!readable) {
      const missing = timed.filter((v) => v.line.minutes === null || v.line.minutes < 0);
      // Without the day's count, 0 units on a line cannot be told right from wrong: it is reported as typed.
      for (const v of timed) if (v.line.units === 0) invalidUnits(v, out);
      if (timed.every((v) => countableUnits(v.line.units)))
        for (const v of missing) noMinutes.push(v.line.index);
      continue;
    }
    if (!dayAgrees(ctx.profile.unitMethod, timed)) compareDay(ctx, timed, out);
  }
  if (noMinutes.length > 0) {
    out.push(
      finding(
        'check/skipped',
        'info',
        `Units were not compared with minutes: no minutes on ${noMinutes.map(lineLabel).join(', ')}. Timed units depend on the day's timed minutes; enter them to have the units checked.`,
        UNITS_SOURCE,
        { line: noMinutes[0]!, field: 'minutes' },
      ),
    );
  }
  return out;
}

/** What each id catches, its default severity and source: read by the registry, not by checks. */
export const unitsMeta: RuleCatalog = {
  'units/invalid': {
    summary:
      'Units missing, negative, fractional, not a number or more than a day holds (96); 0 units where the minutes give the line a unit, or with nothing to compare',
    severity: 'error',
    source: CMS_UNITS,
  },
  'units/below-minimum': {
    summary: 'A timed service whose countable minutes cannot reach one unit (under 8 minutes)',
    severity: 'error',
    source: UNITS_SOURCE,
  },
  'units/exceeds-minutes': {
    summary: "More timed units than the minutes support under the payer's counting method",
    severity: 'error',
    source: UNITS_SOURCE,
  },
  'units/under-billed': {
    summary: 'Fewer timed units than the minutes support (money left behind)',
    severity: 'warning',
    source: UNITS_SOURCE,
  },
  'units/allocation': {
    summary:
      'The right total of timed units spread across codes differently from the CMS method (ties placed either way are not findings); 97130 without 97129; a 0-unit line the method gives nothing (info: remove it)',
    severity: 'warning',
    source: CMS_UNITS,
  },
  'units/excessive': {
    summary: "A code's units on one day above the usual daily maximum (MUE-style)",
    severity: 'warning',
    source: MUE_SOURCE,
  },
};

export const unitsRules: Rule = {
  family: 'units',
  ids: [
    'units/invalid',
    'units/below-minimum',
    'units/exceeds-minutes',
    'units/under-billed',
    'units/allocation',
    'units/excessive',
  ],
  check,
};
