import { memoizeText } from './memo';
import { type Read, readFail, readOk, startRead } from './read';

/** The common case (what portals' date inputs hold), checked without any splitting. */
const CLEAN_ISO = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** US order, as on the CMS-1500: month, day, year (2 or 4 digits), any of / - . or space between. */
const US = /^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})$/;
/** Box 24A without separators: MMDDYY or MMDDYYYY. */
const US_COMPACT = /^(\d{2})(\d{2})(\d{2}|\d{4})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Years before 1900 are typos, not dates of service. */
function isReal(year: number, month: number, day: number): boolean {
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (!isReal(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date of service: `2026-03-04`, `03/04/2026`, `3/4/26`, `030426`. Slashed dates are read
 * month first, as US claim forms are; two-digit years are 20YY (therapy claims are recent).
 */
export function normalizeDate(input: unknown): Read<string> {
  return typeof input === 'string' ? dateFromText(input) : readDate(input);
}

/** Dates as typed repeat on every line and every keystroke: each text is read once. */
const dateFromText = memoizeText(readDate);

function readDate(input: unknown): Read<string> {
  if (typeof input === 'string' && CLEAN_ISO.test(input)) {
    if (isReal(Number(input.slice(0, 4)), Number(input.slice(5, 7)), Number(input.slice(8, 10))))
      return readOk(input);
  }
  const start = startRead<string>(input, 'date');
  if (!('text' in start)) return start;
  const text = start.text.replace(/T.*$/, '');
  let parts: [number, number, number] | null = null;
  const iso = ISO.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const us = US.exec(text) ?? US_COMPACT.exec(text);
  if (us) {
    const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    parts = [year, Number(us[1]), Number(us[2])];
  }
  const iso8601 = parts ? isoIfReal(...parts) : null;
  if (!iso8601) return readFail('expected a date such as 03/04/2026 or 2026-03-04');
  return readOk(iso8601);
}
