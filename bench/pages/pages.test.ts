// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BENCH_FIXTURE_DIR, BENCH_FIXTURES } from './fixtures';
import { GRID_COLUMNS, GRID_ROWS } from './grid';
import { PORTAL_LINE_COUNT, PORTAL_TARGET_ELEMENTS, portalLines, portalPage } from './portal';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

// Parsing half a megabyte in happy-dom takes seconds on a busy machine: once per file.
let portalDoc: Document | undefined;
const portal = () => {
  portalDoc ??= parse(portalPage());
  return portalDoc;
};

describe('benchmark pages', { timeout: 30_000 }, () => {
  test('the portal page has about 20,000 elements and 50 service lines', () => {
    const doc = portal();
    const elements = doc.getElementsByTagName('*').length;
    expect(Math.abs(elements - PORTAL_TARGET_ELEMENTS)).toBeLessThan(PORTAL_TARGET_ELEMENTS * 0.02);
    expect(doc.querySelectorAll('#service-lines tbody tr')).toHaveLength(PORTAL_LINE_COUNT);
    for (let i = 0; i < PORTAL_LINE_COUNT; i++) {
      expect(doc.getElementById(`svc-${i}-units`)).not.toBeNull();
    }
  });

  test('the portal claim is clean by the CMS table, so typed keystrokes are what create findings', () => {
    const byDay = new Map<string, { minutes: number; units: number }>();
    for (const line of portalLines()) {
      const day = byDay.get(line.dos) ?? { minutes: 0, units: 0 };
      day.minutes += line.minutes;
      day.units += line.units;
      byDay.set(line.dos, day);
    }
    // CMS 8-minute table (therapy-billing-facts.md §1): units = floor((minutes + 7) / 15) from 8 minutes.
    for (const { minutes, units } of byDay.values()) expect(units).toBe(Math.floor((minutes + 7) / 15));
  });

  test('the portal page carries no script of its own (idle means idle)', () => {
    expect(portal().querySelectorAll('script')).toHaveLength(0);
  });

  test('the grid page declares a 150 × 8 grid', () => {
    expect(GRID_ROWS).toBe(150);
    expect(GRID_COLUMNS).toHaveLength(8);
  });

  test('the committed fixtures are exactly what the generators produce', () => {
    for (const [name, generate] of Object.entries(BENCH_FIXTURES)) {
      expect(readFileSync(join(BENCH_FIXTURE_DIR, name), 'utf8'), name).toBe(generate());
    }
  });
});
