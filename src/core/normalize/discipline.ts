import type { Discipline } from '../claim';
import { memoizeText } from './memo';
import { type Read, readFail, readOk, startRead } from './read';

/** Words people use for each discipline, including the discipline modifier and the assistant titles. */
const WORDS: ReadonlyMap<string, Discipline> = new Map([
  ...['pt', 'physical therapy', 'physical therapist', 'physiotherapy', 'gp', 'pta'].map(
    (w) => [w, 'PT'] as const,
  ),
  ...['ot', 'occupational therapy', 'occupational therapist', 'go', 'ota', 'cota'].map(
    (w) => [w, 'OT'] as const,
  ),
  ...[
    'slp',
    'st',
    'speech',
    'speech therapy',
    'speech therapist',
    'speech-language pathology',
    'speech language pathology',
    'speech-language pathologist',
    'speech language pathologist',
    'gn',
    'slpa',
  ].map((w) => [w, 'SLP'] as const),
]);

/** The clinician's discipline: `PT`, `physical therapy`, `OT`, `SLP`, `ST`, `speech`. */
export function normalizeDiscipline(input: unknown): Read<Discipline> {
  return typeof input === 'string' ? fromText(input) : read(input);
}

/** Typed once per claim and the same on every keystroke: each text is read once. */
const fromText = memoizeText(read);

function read(input: unknown): Read<Discipline> {
  const start = startRead<Discipline>(input, 'discipline');
  if (!('text' in start)) return start;
  const key = start.text
    .toLowerCase()
    .replace(/[.]/g, '')
    .replace(/\s*[-/]\s*/g, '-')
    .trim();
  const discipline = WORDS.get(key) ?? WORDS.get(key.replace(/-/g, ' '));
  if (!discipline) return readFail('expected PT, OT or SLP');
  return readOk(discipline);
}
