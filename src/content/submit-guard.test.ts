// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  enterSubmits,
  type GuardSite,
  type HeldAction,
  installSubmitGuard,
  type SubmitGuard,
} from './submit-guard';

let scope: AbortController;
let form: HTMLFormElement;
let button: HTMLButtonElement;
let field: HTMLInputElement;
let pageSubmits: number;
let held: HeldAction[];
let site: GuardSite & { holding: boolean };
let guard: SubmitGuard;

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const userClick = (el: Element) =>
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
const userEnter = (el: Element) =>
  el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));

beforeEach(() => {
  document.body.innerHTML = `
    <form id="charges"><input name="cpt" value="97535"><input name="units" value="2"><button type="submit">Submit charges</button></form>
    <form id="search"><input name="q"><button type="submit">Search</button></form>`;
  form = document.querySelector<HTMLFormElement>('#charges')!;
  button = form.querySelector('button')!;
  field = form.querySelector('input')!;
  pageSubmits = 0;
  // The page's own handler (an SPA: it posts with fetch and prevents navigation).
  for (const f of document.forms)
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      if (f === form) pageSubmits++;
    });
  held = [];
  scope = new AbortController();
  site = {
    holding: true,
    shouldHold: () => site.holding,
    submitControls: () => [button],
    forms: () => [form],
    isOwnUi: () => false,
    hold: (action) => {
      held.push(action);
      return true;
    },
  };
  guard = installSubmitGuard(window, site, scope.signal);
});
afterEach(() => scope.abort());

describe('holds the first submit with open errors', () => {
  test('a click on the submit control: held, then released exactly once', () => {
    userClick(button);
    expect(pageSubmits).toBe(0);
    expect(held).toEqual([{ kind: 'click', control: button }]);
    guard.release(held[0]!);
    expect(pageSubmits).toBe(1);
  });

  test('Enter in a field of the charge form: held, then submitted once through the default button', () => {
    const buttonClicks = vi.fn();
    button.addEventListener('click', buttonClicks);
    userEnter(field);
    expect(held[0]).toMatchObject({ kind: 'enter', field, form });
    guard.release(held[0]!);
    expect(buttonClicks).toHaveBeenCalledTimes(1);
    expect(pageSubmits).toBe(1);
  });

  test('the submit event itself (a script calling requestSubmit): held, then released once with its submitter', () => {
    form.requestSubmit(button);
    expect(pageSubmits).toBe(0);
    expect(held[0]).toMatchObject({ kind: 'submit', form, submitter: button });
    guard.release(held[0]!);
    expect(pageSubmits).toBe(1);
  });

  test('after a release the guard is armed again for the next submit', () => {
    userClick(button);
    guard.release(held[0]!);
    userClick(button);
    expect(held).toHaveLength(2);
    expect(pageSubmits).toBe(1);
  });
});

describe('lets submits through', () => {
  test('when there is nothing to hold', () => {
    site.holding = false;
    userClick(button);
    userEnter(field);
    expect(held).toEqual([]);
    expect(pageSubmits).toBe(1); // Enter does not submit in happy-dom; the click did
  });

  test('other forms on the page (a search box) are never held', () => {
    const search = document.querySelector<HTMLFormElement>('#search')!;
    const searched = vi.fn((e: Event) => e.preventDefault());
    search.addEventListener('submit', searched);
    userClick(search.querySelector('button')!);
    expect(held).toEqual([]);
    expect(searched).toHaveBeenCalledTimes(1);
  });

  test('fail open: the guard UI could not show', () => {
    site.hold = () => false;
    userClick(button);
    expect(pageSubmits).toBe(1);
  });

  test('fail open: deciding threw', () => {
    site.shouldHold = () => {
      throw new Error('broken');
    };
    userClick(button);
    expect(pageSubmits).toBe(1);
  });

  test('clicks made by page scripts (not the user) are the page’s business', () => {
    button.click();
    // Not held at the click; the resulting submit event is still guarded.
    expect(held.map((h) => h.kind)).toEqual(['submit']);
  });

  test('after the extension is switched off or updated, nothing is held', () => {
    scope.abort();
    userClick(button);
    expect(held).toEqual([]);
    expect(pageSubmits).toBe(1);
  });
});

test('a charge form inside a shadow root (web components) is guarded too', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<form><input name="cpt"><button type="submit">Submit</button></form>';
  const inner = root.querySelector('form')!;
  let innerSubmits = 0;
  inner.addEventListener('submit', (e) => {
    e.preventDefault();
    innerSubmits++;
  });
  site.forms = () => [inner];
  guard.watchForms([inner]);
  guard.watchForms([inner]); // once per root
  inner.requestSubmit();
  expect(innerSubmits).toBe(0);
  expect(held).toHaveLength(1);
  guard.release(held[0]!);
  expect(innerSubmits).toBe(1);
});

test('Enter submits only where the browser would submit implicitly', () => {
  document.body.innerHTML = '<form id="a"><input><input></form><form id="b"><input></form>';
  expect(enterSubmits(document.querySelector('#a')!)).toBe(false);
  expect(enterSubmits(document.querySelector('#b')!)).toBe(true);
});
