import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { checkClaim } from '../../../src/core';
import { detectPayerFromText } from '../../../src/core/profile';
import { REPO_ROOT } from '../../support/server';

/** What the page engineer says a fixture holds (`test/fixtures/portals/NAME.expected.json`). */
export interface Sidecar {
  description: string;
  lines: Record<string, unknown>[];
  diagnoses?: string[];
  payer?: string;
  placeOfService?: string;
  dateOfService?: string;
  roles: Record<string, number>;
  submitText?: string;
  mustFind?: string[];
  /** Rule ids that must not show on this page. */
  mustNotFind?: string[];
}

export interface ShownFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line?: number;
}

export interface Hooks {
  claim: Record<string, unknown> & { lines: Record<string, unknown>[]; payer?: unknown };
  findings: ShownFinding[];
}

export const HOST = 'charge-guard-overlay';

export async function readSidecar(name: string): Promise<Sidecar> {
  return JSON.parse(
    await readFile(join(REPO_ROOT, 'test/fixtures/portals', `${name}.expected.json`), 'utf8'),
  );
}

/** Waits until the frame's overlay host carries findings, and returns the e2e hooks. */
export async function hooks(frame: Page | Frame, timeout = 10_000): Promise<Hooks> {
  const host = await frame.waitForSelector(`${HOST}[data-cg-findings]`, { state: 'attached', timeout });
  const [claim, findings] = await Promise.all([
    host.getAttribute('data-cg-claim'),
    host.getAttribute('data-cg-findings'),
  ]);
  return { claim: JSON.parse(claim ?? 'null'), findings: JSON.parse(findings ?? '[]') };
}

/** Waits until the shown findings satisfy `ok` (after typing, a fix, a new line). */
export async function hooksWhen(
  frame: Page | Frame,
  ok: (h: Hooks) => boolean,
  timeout = 5_000,
): Promise<Hooks> {
  const end = Date.now() + timeout;
  let last = await hooks(frame, timeout);
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`hooks never matched; last findings: ${JSON.stringify(last.findings)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await hooks(frame, timeout);
  }
  return last;
}

/** `data-cg-role` counts in a frame, open shadow roots included (web-component portals). */
export function roleCounts(frame: Page | Frame): Promise<Record<string, number>> {
  return frame.evaluate(() => {
    const counts: Record<string, number> = {};
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const role = el.getAttribute('data-cg-role');
        if (role) counts[role] = (counts[role] ?? 0) + 1;
        if (el.shadowRoot && el.localName !== 'charge-guard-overlay') walk(el.shadowRoot);
      }
    };
    walk(document);
    return counts;
  });
}

/** The rule ids the core gives for a claim on the profile a page's payer names (Medicare otherwise). */
export function coreRules(claim: Hooks['claim']): string[] {
  const payer = typeof claim.payer === 'string' ? detectPayerFromText(claim.payer) : null;
  return ruleSet(checkClaim(claim, { profile: payer ?? 'medicare' }));
}

export function ruleSet(findings: readonly { rule: string }[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

/**
 * Counts submits that reach the page: a bubbling listener runs after the page's own handler.
 * It also keeps the page in place (as the SPA-style fixtures do themselves), so a form that
 * would navigate, like the smoke page's, can still be counted.
 */
export async function countSubmits(frame: Page | Frame, clickSelector?: string): Promise<void> {
  await frame.evaluate((selector) => {
    const w = window as unknown as { __cgTestSubmits: number };
    w.__cgTestSubmits = 0;
    // Pages without a form submit from a click handler on their button: count those clicks.
    if (selector)
      document.addEventListener('click', (e) => {
        if (e.target instanceof Element && e.target.closest(selector)) w.__cgTestSubmits++;
      });
    const count = (e: Event) => {
      w.__cgTestSubmits++;
      e.preventDefault();
    };
    document.addEventListener('submit', count);
    // Forms inside open shadow roots (web components): their submit event stays in the root.
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (!el.shadowRoot || el.localName === 'charge-guard-overlay') continue;
        el.shadowRoot.addEventListener('submit', count);
        walk(el.shadowRoot);
      }
    };
    walk(document);
  }, clickSelector);
}
export function submits(frame: Page | Frame): Promise<number> {
  return frame.evaluate(() => (window as unknown as { __cgTestSubmits: number }).__cgTestSubmits);
}

/** Opens the panel if it is collapsed. */
export async function openPanel(frame: Page | Frame): Promise<void> {
  const panel = frame.locator(`${HOST} .cg-panel`);
  if ((await panel.getAttribute('data-cg-panel')) !== 'open')
    await frame.locator(`${HOST} .cg-toggle`).click();
}

/** Clicks the panel's one-click fix for a rule (the first one when several lines have it). */
export async function clickFix(frame: Page | Frame, rule: string): Promise<void> {
  await openPanel(frame);
  await frame.locator(`${HOST} .cg-panel [data-cg-fix="${rule}"]`).first().click();
}

export async function guardShown(frame: Page | Frame): Promise<boolean> {
  return (await frame.locator(`${HOST} [data-cg-guard="submit-anyway"]`).count()) > 0;
}

export async function submitAnyway(frame: Page | Frame, reason = ''): Promise<void> {
  if (reason) await frame.locator(`${HOST} .cg-guard input`).fill(reason);
  await frame.locator(`${HOST} [data-cg-guard="submit-anyway"]`).click();
}
