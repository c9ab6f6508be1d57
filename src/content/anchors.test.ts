// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { Finding } from '../core/finding';
import type { FieldBinding } from '../page/types';
import { anchorFor } from './anchors';
import { frameSiteUrl } from './frame-url';

const el = (name: string) => Object.assign(document.createElement('input'), { name });
const code0 = el('code0');
const mod0a = el('mod0a');
const mod0b = el('mod0b');
const code1 = el('code1');
const dx0 = el('dx0');
const dx1 = el('dx1');
const bindings: FieldBinding[] = [
  { role: 'code', element: code0, line: 0 },
  { role: 'modifier', element: mod0b, line: 0, slot: 1 },
  { role: 'modifier', element: mod0a, line: 0, slot: 0 },
  { role: 'code', element: code1, line: 1 },
  { role: 'dx', element: dx0, slot: 0 },
  { role: 'dx', element: dx1, slot: 1 },
];
const finding = (over: Partial<Finding>): Finding => ({
  rule: 'units/invalid',
  severity: 'error',
  message: 'm',
  source: 's',
  ...over,
});

test('a line finding goes to its field, the first box of a split field', () => {
  expect(anchorFor(finding({ line: 0, field: 'modifiers' }), bindings)).toBe(mod0a);
});

test('a line finding whose field the page does not have goes to the line’s code', () => {
  expect(anchorFor(finding({ line: 1, field: 'units' }), bindings)).toBe(code1);
  expect(anchorFor(finding({ line: 1 }), bindings)).toBe(code1);
});

test('a diagnosis finding goes to that diagnosis box', () => {
  expect(anchorFor(finding({ diagnosis: 1, field: 'diagnoses' }), bindings)).toBe(dx1);
});

test('a claim finding with no field on the page stays in the panel', () => {
  expect(anchorFor(finding({ field: 'ytdTherapyCharges' }), bindings)).toBeNull();
  expect(anchorFor(finding({ field: 'placeOfService' }), bindings)).toBeNull();
  expect(anchorFor(finding({ line: 5 }), bindings)).toBeNull();
});

test('srcdoc and about:blank frames take their settings from the page that made them', () => {
  expect(frameSiteUrl({ href: 'https://ehr.example/a?b', origin: 'https://ehr.example' })).toBe(
    'https://ehr.example/a?b',
  );
  expect(frameSiteUrl({ href: 'about:srcdoc', origin: 'https://ehr.example' })).toBe('https://ehr.example/');
  expect(frameSiteUrl({ href: 'about:blank', origin: 'null' })).toBe('about:blank');
});
