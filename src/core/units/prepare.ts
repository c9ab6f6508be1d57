import { lookupCode } from '../data/codes';
import { normalizeMinutes } from '../normalize/minutes';
import { quoted } from '../normalize/read';

/** 97129 and 97130 describe one cognitive intervention: first 15 minutes, then each further 15. */
export const COGNITIVE_FIRST = '97129';
export const COGNITIVE_ADD_ON = '97130';

export interface PreparedLine {
  code: string;
  /** Whole minutes counted for the code (repeated entries of a code added together). */
  minutes: number;
  timed: boolean;
  /** Untimed codes: the units they bill (1 unless given). */
  ownUnits: number;
  cognitive: boolean;
  known: boolean;
}

function readCode(raw: unknown): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return typeof raw === 'string' ? raw.trim().toUpperCase() : '';
}

function readOwnUnits(raw: unknown): number | null {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 999 ? value : null;
}

/**
 * Turns whatever the caller passed into one line per code, in the order first typed. Anything
 * unreadable is counted as nothing and said in a note, so a calculator typo never throws.
 */
export function prepareEntries(entries: unknown): { lines: PreparedLine[]; notes: string[] } {
  const notes: string[] = [];
  const lines: PreparedLine[] = [];
  const byCode = new Map<string, PreparedLine>();
  const list: unknown[] = Array.isArray(entries) ? entries : [];
  if (!Array.isArray(entries)) notes.push('No list of codes with minutes was given.');

  list.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      notes.push(`Entry ${index + 1} ignored: expected a code with its minutes.`);
      return;
    }
    const { code: rawCode, minutes: rawMinutes, units: rawUnits } = entry as Record<string, unknown>;
    const code = readCode(rawCode);
    if (code === '') {
      notes.push(`Entry ${index + 1} ignored: it has no procedure code.`);
      return;
    }
    const known = lookupCode(code);
    const timed = known?.timed ?? true;

    const read = normalizeMinutes(rawMinutes);
    let minutes = read.ok ? read.value : 0;
    if (!read.ok && (timed || !read.empty)) {
      notes.push(
        `${code}: minutes ${read.empty ? 'missing' : quoted(rawMinutes)} (${read.reason}); counted as 0.`,
      );
    }
    if (!Number.isInteger(minutes)) {
      notes.push(`${code}: ${minutes} min counted as ${Math.floor(minutes)}: only whole minutes count.`);
      minutes = Math.floor(minutes);
    }
    const ownUnits = readOwnUnits(rawUnits);

    const previous = byCode.get(code);
    if (previous) {
      previous.minutes += minutes;
      if (!timed) previous.ownUnits += ownUnits ?? 1;
      notes.push(
        `${code} was entered more than once: its minutes are added together (${previous.minutes} min).`,
      );
      return;
    }
    if (!known) notes.push(`${code} is not in the therapy code table: counted as a timed code.`);
    const line: PreparedLine = {
      code,
      minutes,
      timed,
      ownUnits: timed ? 0 : (ownUnits ?? 1),
      cognitive: code === COGNITIVE_FIRST || code === COGNITIVE_ADD_ON,
      known: known !== null,
    };
    byCode.set(code, line);
    lines.push(line);
  });
  return { lines, notes };
}
