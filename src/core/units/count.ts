import { allocateCms } from './cms';
import { COGNITIVE_NOTE, splitCognitive } from './cognitive';
import { COGNITIVE_ADD_ON, COGNITIVE_FIRST, type PreparedLine, prepareEntries } from './prepare';
import { minutesRangeFor, plural, unitsForMinutes } from './table';
import type { UnitMethod, UnitsEntry, UnitsLine, UnitsResult, UnitsTie } from './types';

const CMS_SOURCE = 'CMS Pub. 100-04, ch. 5, §20.2';

/** One timed service for counting: a code, or 97129 + 97130 pooled (see cognitive.ts). */
interface TimedItem {
  lines: PreparedLine[];
  minutes: number;
  cognitive: boolean;
}

function timedItems(lines: readonly PreparedLine[]): TimedItem[] {
  const items: TimedItem[] = [];
  let pool: TimedItem | null = null;
  for (const line of lines) {
    if (!line.timed) continue;
    if (!line.cognitive) {
      items.push({ lines: [line], minutes: line.minutes, cognitive: false });
    } else if (pool) {
      pool.lines.push(line);
      pool.minutes += line.minutes;
    } else {
      pool = { lines: [line], minutes: line.minutes, cognitive: true };
      items.push(pool);
    }
  }
  return items;
}

function itemName(item: TimedItem): string {
  return item.cognitive ? '97129/97130' : item.lines[0]!.code;
}

interface Counted {
  units: number[];
  why: string[];
  ties: UnitsTie[];
  notes: string[];
}

function countCms(items: readonly TimedItem[]): Counted {
  const alloc = allocateCms(items.map((item) => item.minutes));
  const units = items.map((_, i) => alloc.full[i]! + alloc.extra[i]!);
  const notes: string[] = [];
  if (items.length === 0) notes.push('No timed codes: nothing to count by the 8-minute rule.');
  else
    notes.push(
      alloc.totalMinutes < 8
        ? `CMS method (${CMS_SOURCE}): ${alloc.totalMinutes} timed minutes in the day, under 8: no timed unit can be billed.`
        : `CMS method (${CMS_SOURCE}): ${alloc.totalMinutes} timed minutes in the day → ${plural(alloc.totalUnits, 'unit')} (${minutesRangeFor(alloc.totalUnits)}).`,
    );
  const fullUnits = alloc.full.reduce((s, f) => s + f, 0);
  const remaining = alloc.totalUnits - fullUnits;
  if (items.length > 1 && alloc.totalUnits > 0) {
    const each = items.map((item, i) => `${itemName(item)} ${alloc.full[i]}`).join(', ');
    notes.push(`Each code first gets one unit per full 15 minutes: ${each} (${plural(fullUnits, 'unit')}).`);
    if (remaining > 0) {
      const receivers = items
        .map((item, i) => (alloc.extra[i] ? `${itemName(item)} (${alloc.leftover[i]} min left over)` : null))
        .filter((text) => text !== null)
        .join(', ');
      notes.push(
        `${plural(remaining, 'unit')} still owed: to the code${remaining === 1 ? '' : 's'} with the most leftover minutes: ${receivers}.`,
      );
    }
  }
  const ties = alloc.ties.map((tie) => {
    const codes = tie.items.map((i) => tieCode(items[i]!, alloc.full[i]!));
    const chosen = tie.items.filter((i) => alloc.extra[i]).map((i) => itemName(items[i]!));
    const names = `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
    const where = codes.length === 2 ? 'either' : 'any of them';
    notes.push(
      `${names} have the same leftover minutes (${alloc.leftover[tie.items[0]!]} min): ${plural(tie.units, 'unit')} may go on ${where}; the clinician chooses (shown on ${chosen.join(', ')}).`,
    );
    return { codes, units: tie.units };
  });
  const why = items.map((item, i) => {
    if (items.length === 1) {
      return `${item.minutes} timed min in the day → ${plural(units[i]!, 'unit')} (${minutesRangeFor(units[i]!)})`;
    }
    const left = alloc.leftover[i]!;
    let text = `${item.minutes} min = ${plural(alloc.full[i]!, 'full 15-min unit')} + ${left} min left over`;
    const tie = alloc.ties.find((t) => t.items.includes(i));
    if (alloc.extra[i]) text += ", plus 1 of the day's remaining units (most leftover minutes)";
    else if (left > 0 && alloc.totalUnits > 0 && !tie) {
      text += "; too few leftover minutes for one of the day's remaining units";
    }
    if (tie) {
      const others = tie.items
        .filter((j) => j !== i && alloc.extra[j] !== alloc.extra[i])
        .map((j) => itemName(items[j]!));
      text += alloc.extra[i]
        ? ` (tie: the clinician may put this unit on ${others.join(' or ')} instead)`
        : ` (tie: the clinician may put the unit given to ${others.join(' or ')} here instead)`;
    }
    return `${text} → ${plural(units[i]!, 'unit')}`;
  });
  return { units, why, ties, notes };
}

/** Which code a tied unit would be billed as: for the cognitive pool, 97129 first, then 97130. */
function tieCode(item: TimedItem, full: number): string {
  if (!item.cognitive) return item.lines[0]!.code;
  return full === 0 ? COGNITIVE_FIRST : COGNITIVE_ADD_ON;
}

function countAma(items: readonly TimedItem[]): Counted {
  const units = items.map((item) => unitsForMinutes(item.minutes));
  const total = units.reduce((s, u) => s + u, 0);
  const minutes = items.reduce((s, item) => s + item.minutes, 0);
  const cmsTotal = unitsForMinutes(minutes);
  const notes = [
    `AMA/CPT method (CPT midpoint rule): each code is counted on its own (a unit once 8 minutes are passed, 23 for two, ...); leftover minutes are never pooled across codes. ${minutes} timed minutes → ${plural(total, 'unit')}.`,
  ];
  if (cmsTotal !== total) {
    notes.push(
      `The CMS method would give ${plural(cmsTotal, 'unit')} for the same minutes: the payer contract decides which applies.`,
    );
  }
  const why = items.map(
    (item, i) =>
      `${item.minutes} min on its own → ${plural(units[i]!, 'unit')} (${minutesRangeFor(units[i]!)})` +
      (units[i] === 0 && item.minutes > 0 ? ': AMA/CPT never pools leftover minutes' : ''),
  );
  return { units, why, ties: [], notes };
}

function untimedWhy(line: PreparedLine): string {
  return `untimed: bills its own ${plural(line.ownUnits, 'unit')}; its minutes do not count toward the timed total`;
}

function count(methodInput: unknown, entries: unknown): UnitsResult {
  const method: UnitMethod = methodInput === 'ama' ? 'ama' : 'cms';
  const prepared = prepareEntries(entries);
  const items = timedItems(prepared.lines);
  const counted = method === 'ama' ? countAma(items) : countCms(items);

  const lines: UnitsLine[] = [];
  for (const line of prepared.lines) {
    if (!line.timed) {
      lines.push({
        code: line.code,
        minutes: line.minutes,
        units: line.ownUnits,
        timed: false,
        why: untimedWhy(line),
      });
      continue;
    }
    const i = items.findIndex((item) => item.lines.includes(line));
    const item = items[i]!;
    if (!item.cognitive) {
      lines.push({
        code: line.code,
        minutes: line.minutes,
        units: counted.units[i]!,
        timed: true,
        why: counted.why[i]!,
      });
    } else if (item.lines[0] === line) {
      for (const split of splitCognitive(item.lines, counted.units[i]!)) {
        lines.push(items.length === 1 ? split : { ...split, why: `${counted.why[i]}; ${split.why}` });
      }
    }
  }

  const notes = [...counted.notes];
  if (methodInput !== 'cms' && methodInput !== 'ama') {
    notes.unshift(
      `Method ${JSON.stringify(methodInput) ?? 'missing'} not recognised: counted by the CMS method.`,
    );
  }
  if (items.some((item) => item.cognitive)) notes.push(COGNITIVE_NOTE);
  const untimed = prepared.lines.filter((line) => !line.timed);
  if (untimed.length > 0) {
    const list = untimed.map((line) => `${line.code} ×${line.ownUnits}`).join(', ');
    notes.push(`Untimed codes bill their own units and their minutes are not counted: ${list}.`);
  }
  notes.push(...prepared.notes);

  return {
    method,
    totalTimedMinutes: items.reduce((s, item) => s + item.minutes, 0),
    totalUnits: counted.units.reduce((s, u) => s + u, 0),
    lines,
    ties: counted.ties,
    notes,
  };
}

/**
 * Units for a treatment day by the CMS (pooled, §20.2) or AMA/CPT (per code) method, with the
 * working in plain words. Never throws: a calculator must answer whatever was typed.
 */
export function countUnits(method: UnitMethod, entries: readonly UnitsEntry[]): UnitsResult {
  try {
    return count(method, entries);
  } catch {
    return {
      method: method === 'ama' ? 'ama' : 'cms',
      totalTimedMinutes: 0,
      totalUnits: 0,
      lines: [],
      ties: [],
      notes: ['These entries could not be counted.'],
    };
  }
}
