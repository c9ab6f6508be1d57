import { type Read, readFail, readOk, startRead } from './read';

/** US money as typed in a charge box: `64.04`, `$1,234.50`, `USD 12`, `1234.5 $`. */
const MONEY = /^(?:\$|usd)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:\$|usd)?$/i;

/** A line's charge or a year-to-date amount in dollars (cents kept). Negative amounts are not charges. */
export function normalizeMoney(input: unknown): Read<number> {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0)
    return readOk(Math.round(input * 100) / 100);
  const start = startRead<number>(input, 'amount');
  if (!('text' in start)) return start;
  const match = MONEY.exec(start.text);
  if (!match) return readFail('expected an amount in dollars such as 64.04 or $1,234.50');
  const dollars = Number(match[1]!.replace(/,/g, ''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  return readOk(dollars + cents / 100);
}
