/**
 * Builders for realistic claims in the rule tables. The defaults make a clean Medicare PT
 * visit (a specific diagnosis, pointers, charges, year-to-date amounts well under the KX
 * threshold), so each case changes only what it is about.
 */
export interface LineInput {
  code?: unknown;
  modifiers?: unknown;
  units?: unknown;
  minutes?: unknown;
  dxPointers?: unknown;
  charge?: unknown;
  dateOfService?: unknown;
  placeOfService?: unknown;
}

export function line(
  code: string,
  modifiers: string[],
  units: unknown,
  minutes: unknown,
  extra: LineInput = {},
): LineInput {
  return { code, modifiers, units, minutes, dxPointers: ['A'], charge: 60, ...extra };
}

export const BASE = {
  payer: 'medicare',
  dateOfService: '2025-06-02',
  placeOfService: '11',
  // M17.11: unilateral primary osteoarthritis, right knee: specific, billable in every year tested.
  diagnoses: ['M17.11'],
  ytdTherapyCharges: { PT_SLP: 500, OT: 0 },
};

export function claim(lines: LineInput[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...BASE, ...extra, lines };
}
