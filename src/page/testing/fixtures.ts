import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { PageReading } from '../types';

/**
 * Test-only helpers: load a fixture portal page into its own happy-dom window with its own
 * scripts running, and compare a reading with the page's sidecar `NAME.expected.json`.
 * Same-directory `<script src>` files are inlined (happy-dom here has no server to fetch from).
 */
export const PORTALS = resolve(import.meta.dirname, '../../../test/fixtures/portals');

export interface ExpectedLine {
  code: string;
  modifiers: string[];
  units?: number;
  minutes?: number;
  dxPointers?: string[];
  placeOfService?: string;
  dateOfService?: string;
  charge?: number;
}

export interface Expected {
  lines: ExpectedLine[];
  diagnoses?: string[];
  placeOfService?: string;
  dateOfService?: string;
  payer?: string;
  roles: Record<string, number>;
  submitText?: string;
}

export function readFixture(name: string): string {
  return readFileSync(join(PORTALS, name), 'utf8');
}

export function expectedFor(name: string): Expected {
  return JSON.parse(readFixture(name.replace(/\.html$/, '.expected.json')));
}

export async function loadFixture(name: string, html = readFixture(name)): Promise<Window> {
  const window = new Window({
    url: `http://127.0.0.1:8080/portals/${name}`,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const inlined = html.replace(
    /<script src="([\w.-]+\.js)"><\/script>/g,
    (_, src: string) => `<script>${readFixture(src)}</script>`,
  );
  window.document.write(inlined);
  // happy-dom's parser can lose `selected` on options (browsers do not): apply it as the markup says.
  for (const option of Array.from(window.document.querySelectorAll('option[selected]'))) {
    (option as unknown as HTMLOptionElement).selected = true;
  }
  await window.happyDOM.waitUntilComplete();
  return window;
}

/** The reading in the sidecar's terms: numbers as numbers, modifier and pointer lists split. */
export function summarize(reading: PageReading) {
  const claim = reading.claim;
  const roles: Record<string, number> = {};
  for (const b of reading.bindings) roles[b.role] = (roles[b.role] ?? 0) + 1;
  if (reading.submitControls.length) roles.submit = reading.submitControls.length;
  return {
    lines: claim.lines.map((l) => {
      const line: ExpectedLine = {
        code: String(l.code ?? '').trim(),
        modifiers: splitList(l.modifiers, /[\s:,;/|-]+/),
      };
      if (l.units != null && l.units !== '') line.units = Number.parseFloat(String(l.units));
      if (l.minutes != null && l.minutes !== '') line.minutes = Number.parseFloat(String(l.minutes));
      if (l.dxPointers != null) line.dxPointers = splitPointers(l.dxPointers);
      if (l.placeOfService != null) line.placeOfService = String(l.placeOfService);
      if (l.dateOfService != null) line.dateOfService = String(l.dateOfService);
      if (l.charge != null) line.charge = Number.parseFloat(String(l.charge).replace(/[$,]/g, ''));
      return line;
    }),
    diagnoses: splitList(claim.diagnoses, /[\s,;]+/),
    placeOfService: claim.placeOfService == null ? undefined : String(claim.placeOfService),
    dateOfService: claim.dateOfService == null ? undefined : String(claim.dateOfService),
    payer: claim.payer == null ? undefined : String(claim.payer),
    roles,
    submitText:
      reading.submitControls[0]?.textContent?.trim() ||
      (reading.submitControls[0] as HTMLInputElement | undefined)?.value,
  };
}

/** Keeps only the keys the sidecar names, so a sidecar can leave out what a page does not show. */
export function pick<T extends object>(actual: T, expected: object): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(expected)) if (key in actual) out[key as keyof T] = actual[key as keyof T];
  return out;
}

function splitList(value: unknown, separator: RegExp): string[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.map((v) => (v == null ? '' : String(v).trim().toUpperCase()));
  return String(value).toUpperCase().split(separator).filter(Boolean);
}

function splitPointers(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim().toUpperCase());
  const text = String(value).trim().toUpperCase();
  return /^[A-L]+$/.test(text) ? text.split('') : text.split(/[\s,;:/-]+/).filter(Boolean);
}
