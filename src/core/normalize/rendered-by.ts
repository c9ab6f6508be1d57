import type { Discipline, RenderedBy } from '../claim';
import { memoizeText } from './memo';
import { type Read, readFail, readOk, startRead } from './read';

export interface Renderer {
  renderedBy: RenderedBy;
  /** The discipline the title names (PTA → PT), when it names one. */
  discipline: Discipline | null;
}

const TITLES: ReadonlyMap<string, Renderer> = new Map([
  ['therapist', { renderedBy: 'therapist', discipline: null }],
  ['clinician', { renderedBy: 'therapist', discipline: null }],
  ['pt', { renderedBy: 'therapist', discipline: 'PT' }],
  ['dpt', { renderedBy: 'therapist', discipline: 'PT' }],
  ['physical therapist', { renderedBy: 'therapist', discipline: 'PT' }],
  ['ot', { renderedBy: 'therapist', discipline: 'OT' }],
  ['otr', { renderedBy: 'therapist', discipline: 'OT' }],
  ['otr/l', { renderedBy: 'therapist', discipline: 'OT' }],
  ['occupational therapist', { renderedBy: 'therapist', discipline: 'OT' }],
  ['slp', { renderedBy: 'therapist', discipline: 'SLP' }],
  ['ccc-slp', { renderedBy: 'therapist', discipline: 'SLP' }],
  ['speech therapist', { renderedBy: 'therapist', discipline: 'SLP' }],
  ['speech-language pathologist', { renderedBy: 'therapist', discipline: 'SLP' }],
  ['assistant', { renderedBy: 'assistant', discipline: null }],
  ['therapy assistant', { renderedBy: 'assistant', discipline: null }],
  ['pta', { renderedBy: 'assistant', discipline: 'PT' }],
  ['physical therapist assistant', { renderedBy: 'assistant', discipline: 'PT' }],
  ['physical therapy assistant', { renderedBy: 'assistant', discipline: 'PT' }],
  ['ota', { renderedBy: 'assistant', discipline: 'OT' }],
  ['cota', { renderedBy: 'assistant', discipline: 'OT' }],
  ['cota/l', { renderedBy: 'assistant', discipline: 'OT' }],
  ['occupational therapy assistant', { renderedBy: 'assistant', discipline: 'OT' }],
  ['slpa', { renderedBy: 'assistant', discipline: 'SLP' }],
  ['speech-language pathology assistant', { renderedBy: 'assistant', discipline: 'SLP' }],
]);

/** Who furnished the service: `therapist`, `assistant`, or a title (`PTA`, `COTA`, `SLPA`, `PT`). */
export function normalizeRenderedBy(input: unknown): Read<Renderer> {
  return typeof input === 'string' ? fromText(input) : read(input);
}

/** Typed once per claim and the same on every keystroke: each text is read once. */
const fromText = memoizeText(read);

function read(input: unknown): Read<Renderer> {
  const start = startRead<Renderer>(input, 'rendering clinician');
  if (!('text' in start)) return start;
  const key = start.text.toLowerCase().replace(/\./g, '').replace(/’s|'s/g, '').replace(/\s+/g, ' ');
  const renderer = TITLES.get(key) ?? TITLES.get(key.replace(/ language/, '-language'));
  if (!renderer) return readFail('expected therapist or assistant (or a title such as PTA, COTA, SLPA)');
  return readOk(renderer);
}
