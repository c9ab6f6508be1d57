import { type Read, readOk, startRead } from './read';

/**
 * The payer as typed ("Medicare Part B", "medicare-advantage", a user profile's name). Only
 * tidied here: which profile it means is the profile resolver's decision, not a guess of ours.
 */
export function normalizePayer(input: unknown): Read<string> {
  const start = startRead<string>(input, 'payer');
  if (!('text' in start)) return start;
  return readOk(start.text);
}
