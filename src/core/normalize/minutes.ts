import { type Read, readFail, readOk, startRead } from './read';

/** A treatment day has 1,440 minutes; more than that is a typo, not a long session. */
export const MAX_MINUTES_A_DAY = 24 * 60;

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const MIN_WORD = String.raw`(?:m|mn|min|mins|minute|minutes)\.?`;
const HOUR_WORD = String.raw`(?:h|hr|hrs|hour|hours)\.?`;

const PLAIN = new RegExp(`^${NUMBER}\\s*(?:${MIN_WORD})?$`, 'i');
const CLOCK = /^(\d{1,2}):([0-5]\d)$/;
const HOURS_MINUTES = new RegExp(
  `^${NUMBER}\\s*${HOUR_WORD}(?:\\s*,?\\s*(?:and\\s+)?(\\d+)\\s*(?:${MIN_WORD})?)?$`,
  'i',
);

/**
 * Minutes of a service as people write them: `30`, `30 min`, `30m`, `0:30`, `1:05` (65),
 * `1h 5m`, `1 hr 5 min`, `1.5 h`. A clock value is hours:minutes, as therapy notes use it.
 */
export function normalizeMinutes(input: unknown): Read<number> {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= MAX_MINUTES_A_DAY) {
    return readOk(input);
  }
  const start = startRead<number>(input, 'minutes');
  if (!('text' in start)) return start;
  const text = start.text;
  let minutes: number | null = null;

  const plain = PLAIN.exec(text);
  if (plain) minutes = Number(plain[1]);
  const clock = CLOCK.exec(text);
  if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  const hm = HOURS_MINUTES.exec(text);
  if (hm) minutes = Math.round(Number(hm[1]) * 60) + Number(hm[2] ?? 0);

  if (minutes === null || !Number.isFinite(minutes)) {
    return readFail('expected minutes such as 30, "30 min", "0:30" or "1h 5m"');
  }
  if (minutes > MAX_MINUTES_A_DAY) return readFail(`more than the ${MAX_MINUTES_A_DAY} minutes a day has`);
  return readOk(minutes);
}
