import type { FieldRole } from '../page/types';

/** Roles in the order a biller thinks of a charge line, with the words shown in the picker. */
export const ROLE_CHOICES: readonly { role: FieldRole; label: string; perLine: boolean }[] = [
  { role: 'code', label: 'Procedure code (CPT/HCPCS)', perLine: true },
  { role: 'modifier', label: 'Modifier', perLine: true },
  { role: 'units', label: 'Units', perLine: true },
  { role: 'minutes', label: 'Minutes', perLine: true },
  { role: 'dx-pointer', label: 'Diagnosis pointer', perLine: true },
  { role: 'charge', label: 'Charge amount', perLine: true },
  { role: 'dx', label: 'Diagnosis (ICD-10)', perLine: false },
  { role: 'pos', label: 'Place of service', perLine: false },
  { role: 'dos', label: 'Date of service', perLine: false },
  { role: 'payer', label: 'Payer', perLine: false },
  { role: 'submit', label: 'Submit button', perLine: false },
];

/** A sensible first guess from the element's kind (a button is most likely the submit control). */
export function guessRole(el: Element): FieldRole {
  const tag = el.localName;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'button' || type === 'submit' || type === 'button') return 'submit';
  if (type === 'date') return 'dos';
  return 'code';
}
