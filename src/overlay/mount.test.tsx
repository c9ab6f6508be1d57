// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Finding } from '../core/finding';
import { HOST_TAG, mountOverlay, type OverlayHandle } from './mount';
import type { OverlayActions, OverlayModel } from './types';

const missingGo: Finding = {
  rule: 'modifier/discipline-missing',
  severity: 'error',
  line: 0,
  field: 'modifiers',
  message: '97535 needs a therapy discipline modifier: GP, GO or GN.',
  fix: { line: 0, addModifier: 'GO' },
  source: 'CMS Pub. 100-04, ch. 5, §20',
};
const avoidDx: Finding = {
  rule: 'dx/avoid',
  severity: 'warning',
  diagnosis: 0,
  field: 'diagnoses',
  message: 'R69 is routinely denied for therapy.',
  source: 'MAC LCD',
  dataVersion: 'ICD-10-CM FY2026',
};

let scope: AbortController;
let actions: {
  fix: ReturnType<typeof vi.fn<OverlayActions['fix']>>;
  reveal: ReturnType<typeof vi.fn<OverlayActions['reveal']>>;
  setProfile: ReturnType<typeof vi.fn<OverlayActions['setProfile']>>;
  review: ReturnType<typeof vi.fn<OverlayActions['review']>>;
  submitAnyway: ReturnType<typeof vi.fn<OverlayActions['submitAnyway']>>;
};
let overlay: OverlayHandle;
let field: HTMLInputElement;

function model(over: Partial<OverlayModel> = {}): OverlayModel {
  return {
    findings: [missingGo, avoidDx],
    lineLabels: ['97535'],
    anchorFor: (f) => (f === missingGo ? field : null),
    obstacles: () => [field],
    profile: { id: 'medicare', from: 'default', choices: [{ id: 'medicare', name: 'Medicare Part B' }] },
    guard: null,
    ...over,
  };
}

const shadow = () => overlay.host.shadowRoot!;
const flush = () => new Promise((done) => setTimeout(done, 30));

beforeEach(() => {
  document.body.innerHTML = '<form><input name="mod"></form>';
  field = document.querySelector('input')!;
  scope = new AbortController();
  actions = {
    fix: vi.fn<OverlayActions['fix']>(),
    reveal: vi.fn<OverlayActions['reveal']>(),
    setProfile: vi.fn<OverlayActions['setProfile']>(),
    review: vi.fn<OverlayActions['review']>(),
    submitAnyway: vi.fn<OverlayActions['submitAnyway']>(),
  };
  overlay = mountOverlay(document, actions, scope.signal, { mode: 'open' });
});
afterEach(() => scope.abort());

test('one host element per frame, and nothing else is added to the page', () => {
  overlay.update(model());
  expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  expect(document.body.innerHTML).toBe('<form><input name="mod"></form>');
});

test('the panel counts findings by severity and lists them by line', () => {
  overlay.update(model());
  overlay.setOpen(true);
  const counts = [...shadow().querySelectorAll('[data-cg-count]')].map((el) => el.textContent?.trim());
  expect(counts).toEqual(['1 error', '1 warning', '0 notes']);
  const groups = [...shadow().querySelectorAll('[data-cg-group]')].map((el) =>
    el.getAttribute('data-cg-group'),
  );
  expect(groups).toEqual(['0', 'claim']);
  expect(shadow().textContent).toContain('ICD-10-CM FY2026');
});

test('a fix button calls the fix action with its finding', () => {
  overlay.update(model());
  overlay.setOpen(true);
  const button = shadow().querySelector<HTMLButtonElement>(
    '.cg-panel [data-cg-fix="modifier/discipline-missing"]',
  )!;
  expect(button.textContent).toBe('Add GO');
  button.click();
  expect(actions.fix).toHaveBeenCalledWith(missingGo);
});

test('choosing a payer profile in the panel asks for it', () => {
  overlay.update(
    model({
      profile: {
        id: 'medicare',
        from: 'page',
        choices: [
          { id: 'medicare', name: 'Medicare Part B' },
          { id: 'commercial', name: 'Commercial' },
        ],
      },
    }),
  );
  overlay.setOpen(true);
  const select = shadow().querySelector<HTMLSelectElement>('[data-cg-profile-select]')!;
  select.value = 'commercial';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  expect(actions.setProfile).toHaveBeenCalledWith('commercial');
});

test('the guard opens the panel; only a trusted click may submit anyway', async () => {
  overlay.update(model());
  expect(overlay.isOpen()).toBe(false);
  overlay.update(model({ guard: { errors: [missingGo] } }));
  expect(overlay.isOpen()).toBe(true);
  const anyway = shadow().querySelector<HTMLButtonElement>('[data-cg-guard="submit-anyway"]')!;
  anyway.click(); // a script's click: isTrusted is false
  expect(actions.submitAnyway).not.toHaveBeenCalled();
  const trusted = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(trusted, 'isTrusted', { value: true });
  anyway.dispatchEvent(trusted);
  expect(actions.submitAnyway).toHaveBeenCalledWith('');
  shadow().querySelector<HTMLButtonElement>('[data-cg-guard="review"]')!.click();
  expect(actions.review).toHaveBeenCalledTimes(1);
  await flush();
});

test('Escape in the panel leaves a held submit for review, else folds the panel', () => {
  overlay.update(model({ guard: { errors: [missingGo] } }));
  const input = shadow().querySelector('.cg-guard input')!;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  expect(actions.review).toHaveBeenCalledTimes(1);
  overlay.update(model());
  shadow()
    .querySelector('.cg-toggle')!
    .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  expect(overlay.isOpen()).toBe(false);
});

test('keystrokes inside the overlay do not reach the page', () => {
  const pageKeys = vi.fn();
  document.addEventListener('keydown', pageKeys);
  overlay.update(model({ guard: { errors: [missingGo] } }));
  const input = shadow().querySelector('input')!;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'g', bubbles: true, composed: true }));
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'g', bubbles: true, composed: true }));
  expect(pageKeys).toHaveBeenCalledTimes(1);
  document.removeEventListener('keydown', pageKeys);
});

test('aborting the scope removes the host', () => {
  overlay.update(model());
  scope.abort();
  expect(document.querySelector(HOST_TAG)).toBeNull();
});

test('an empty check says so', () => {
  overlay.update(model({ findings: [] }));
  overlay.setOpen(true);
  expect(shadow().querySelector('.cg-empty')?.textContent).toContain('No problems found');
});
