import type { Fix } from '../core/finding';
import type { FieldBinding, PageReading } from './types';
import { writeFieldValue } from './write';

/**
 * Maps a core Fix to the bound page field(s) and writes it as a person would. Returns false
 * when it cannot be applied (nothing bound, a read-only cell, no empty modifier box): the
 * overlay then tells the user to fix it by hand.
 */
export function applyFix(fix: Fix, reading: PageReading): boolean {
  if ('setDiagnosis' in fix) return setDiagnosis(reading, fix.diagnosis, fix.setDiagnosis);
  const on = (role: FieldBinding['role']) =>
    reading.bindings
      .filter((b) => b.role === role && b.line === fix.line)
      .sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  if ('setUnits' in fix) {
    const units = on('units')[0];
    return units ? writeFieldValue(units.element, String(fix.setUnits)) : false;
  }
  const boxes = on('modifier');
  if (boxes.length === 0) return false;
  if ('addModifier' in fix) return addModifier(boxes, fix.addModifier, separatorHint(reading));
  if ('removeModifier' in fix) return editModifier(boxes, fix.removeModifier, null);
  return editModifier(boxes, fix.replaceModifier.from, fix.replaceModifier.to);
}

const SEPARATORS = /[\s:,;/|-]+/;

function currentValue(el: Element): string {
  return 'value' in el ? String((el as HTMLInputElement).value ?? '') : (el.textContent ?? '');
}

function tokens(value: string): string[] {
  return value.trim().toUpperCase().split(SEPARATORS).filter(Boolean);
}

/** The separator a single box already uses ("GP:KX" -> ":"), else the one other lines use. */
function separatorOf(value: string): string | null {
  const m = /[A-Za-z0-9]{2}(\s*[:,;/|-]\s*|\s+)[A-Za-z0-9]{2}/.exec(value);
  if (!m?.[1]) return null;
  const sep = m[1].trim();
  return sep === '' ? ' ' : sep;
}

function separatorHint(reading: PageReading): string {
  for (const b of reading.bindings) {
    if (b.role !== 'modifier') continue;
    const sep = separatorOf(currentValue(b.element));
    if (sep) return sep;
  }
  return ' ';
}

function fits(el: Element, value: string): boolean {
  const max = (el as HTMLInputElement).maxLength;
  return typeof max !== 'number' || max < 0 || value.length <= max;
}

function addModifier(boxes: FieldBinding[], modifier: string, hint: string): boolean {
  const mod = modifier.toUpperCase();
  if (boxes.some((b) => tokens(currentValue(b.element)).includes(mod))) return true; // already there
  if (boxes.length > 1) {
    const empty = boxes.find((b) => currentValue(b.element).trim() === '');
    return empty ? writeFieldValue(empty.element, mod) : false;
  }
  const box = boxes[0];
  if (!box) return false;
  const current = currentValue(box.element).trim();
  const next = current ? `${current}${separatorOf(current) ?? hint}${mod}` : mod;
  return fits(box.element, next) && writeFieldValue(box.element, next);
}

/** Removes (to = null) or replaces one modifier, keeping the others and the separator in place. */
function editModifier(boxes: FieldBinding[], from: string, to: string | null): boolean {
  const target = from.toUpperCase();
  for (const box of boxes) {
    const current = currentValue(box.element);
    if (!tokens(current).includes(target)) continue;
    if (boxes.length > 1) return writeFieldValue(box.element, to ?? '');
    const sep = separatorOf(current) ?? ' ';
    const kept = tokens(current).flatMap((t) => (t === target ? (to ? [to.toUpperCase()] : []) : [t]));
    return writeFieldValue(box.element, kept.join(sep));
  }
  return false;
}

/** One box per diagnosis (box 21 A–L), or one box listing them all ("I69.351, Z74.09"). */
function setDiagnosis(reading: PageReading, index: number, code: string): boolean {
  const dx = reading.bindings.filter((b) => b.role === 'dx');
  const own = dx.find((b) => b.slot === index);
  if (dx.length > 1) return own ? writeFieldValue(own.element, code) : false;
  const list = dx[0];
  if (!list) return false;
  const current = currentValue(list.element);
  const parts = current.split(/([\s,;|]+)/);
  let seen = -1;
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]?.trim() || /^[\s,;|]+$/.test(parts[i] ?? '')) continue;
    seen++;
    if (seen === index) {
      parts[i] = code;
      return writeFieldValue(list.element, parts.join(''));
    }
  }
  return false;
}
