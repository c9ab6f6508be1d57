import { maybeFault } from '../fault';
import { ADAPTERS, adaptersFor, hostMatches, type SiteAdapter } from './adapters';
import { type CollectOptions, collectSteps, drain, type SelectorRule } from './collect';
import { groupFields } from './group';
import { findDecoyForms, isSubmitControl, qualifyField, type WordMemo } from './qualify';
import type { FieldRecord } from './record';
import type { FieldBinding, PageConfig, PageReading, TaughtMapping } from './types';
import { rememberReading } from './update';

/**
 * Reads one document (one frame): collect -> qualify -> group, then maps the plain bindings
 * back to elements. Returns null when the page holds no charge line, so the extension stays
 * quiet on every other page.
 */
export function readPage(
  doc: Document,
  config: PageConfig,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): PageReading | null {
  return drain(readPageSteps(doc, config, adapters));
}

/** Fields qualified between two pauses of a stepped read. */
const STEP_FIELDS = 150;

/**
 * `readPage` as steps: it pauses between slices of the walk and of qualification, so the first
 * read of a very big page can be spread over tasks short enough to leave the page responsive
 * (no long task). Elements may change between steps; the watcher reports such changes, and the
 * caller reads again.
 */
export function* readPageSteps(
  doc: Document,
  config: PageConfig,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): Generator<void, PageReading | null> {
  maybeFault('reader');
  const collected = yield* collectSteps(doc, collectOptions(doc, config, adapters));
  const memo: WordMemo = new Map();
  const decoyForms = findDecoyForms(collected.forms, collected.controls, memo);
  const qualified: ReturnType<typeof qualifyField>[] = [];
  for (const f of collected.fields) {
    qualified.push(qualifyField(f, decoyForms, memo));
    if (qualified.length % STEP_FIELDS === 0) yield;
  }
  const grouping = groupFields(collected.fields, qualified);
  if (!grouping) return null;

  const bindings: FieldBinding[] = [];
  const records = new Map<Element, FieldRecord>();
  for (const b of grouping.bindings) {
    const element = collected.fieldElements[b.field];
    const record = collected.fields[b.field];
    if (!element || !record) continue;
    records.set(element, record);
    bindings.push({
      role: b.role,
      element,
      ...(b.line !== undefined && { line: b.line }),
      ...(b.slot !== undefined && { slot: b.slot }),
    });
  }
  const submitControls = collected.controls
    .filter((c) => !decoyForms.has(c.form) && isSubmitControl(c, grouping.forms, memo))
    .map((c) => collected.controlElements[c.index])
    .filter((el): el is Element => el !== undefined);
  const forms = [...grouping.forms]
    .map((i) => collected.formElements[i])
    .filter((f): f is HTMLFormElement => f !== undefined);
  const reading: PageReading = {
    claim: grouping.claim,
    bindings,
    submitControls,
    forms,
    ...(collected.complete && { roots: collected.roots }),
  };
  // Typing into a field read here can then update this reading instead of reading the page again.
  rememberReading(reading, records, decoyForms, memo);
  return reading;
}

/** Taught mappings for this page win over adapters (their selectors are resolved first). */
export function collectOptions(
  doc: Document,
  config: PageConfig,
  adapters: readonly SiteAdapter[],
): CollectOptions {
  const rules: SelectorRule[] = [];
  for (const mapping of taughtFor(doc, config.taught)) {
    for (const f of mapping.fields) {
      rules.push({
        role: f.role,
        selector: f.selector,
        source: 'taught',
        ...(f.line !== undefined && { line: f.line }),
      });
    }
  }
  const lineSelectors: string[] = [];
  for (const adapter of adaptersFor(doc, adapters)) {
    for (const f of adapter.fields) rules.push({ role: f.role, selector: f.selector, source: 'adapter' });
    if (adapter.line) lineSelectors.push(adapter.line);
  }
  return { rules, lineSelectors };
}

function taughtFor(doc: Document, taught: readonly TaughtMapping[]): TaughtMapping[] {
  const host = doc.location?.hostname ?? '';
  const path = doc.location?.pathname ?? '';
  return taught.filter((m) => hostMatches(m.host, host) && hostMatches(m.pathPattern || '*', path));
}
