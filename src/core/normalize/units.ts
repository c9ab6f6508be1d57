import { type Read, readFail, readOk, startRead } from './read';

const UNITS = /^(?:x\s*|×\s*)?([+-]?\d+(?:\.\d+)?)\s*(?:u|un|unit|units|x|×)?\.?$/i;

/**
 * Units as typed: `2`, `2.0`, `2 units`, `2u`, `x2`. Any number written is returned as read,
 * even 0, negative or fractional: `units/invalid` explains those better than "unreadable".
 */
export function normalizeUnits(input: unknown): Read<number> {
  if (typeof input === 'number' && Number.isFinite(input)) return readOk(input);
  const start = startRead<number>(input, 'units');
  if (!('text' in start)) return start;
  const match = UNITS.exec(start.text);
  if (!match) return readFail('expected a whole number of units such as 2');
  return readOk(Number(match[1]));
}
