import type { PageReading } from '../types';

/**
 * A reading in a fixture sidecar's terms (`NAME.expected.json`). Kept apart from fixtures.ts,
 * which loads happy-dom at import: the real-browser e2e suites import only this.
 */

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
