// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadUserSettings } from '../settings/store';
import { pathPatternFor } from './path';
import { startPicker } from './picker';
import { saveTaughtField } from './save';
import { buildSelector, looksGenerated } from './selector';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('buildSelector', () => {
  test('a stable id, then a unique name, then a short structural path; each finds the element', () => {
    document.body.innerHTML = `
      <input id="cpt1"><input name="qty[0]"><input id=":r7:" name="dup"><input name="dup">
      <table id="grid"><tr><td><input></td><td><input></td></tr></table>`;
    const inputs = Array.from(document.querySelectorAll('input'));
    const selectors = inputs.map(buildSelector);
    expect(selectors[0]).toBe('#cpt1');
    expect(selectors[1]).toBe('input[name="qty[0]"]');
    inputs.forEach((input, i) => {
      expect(document.querySelectorAll(selectors[i]!)).toHaveLength(1);
      expect(document.querySelector(selectors[i]!)).toBe(input);
    });
    expect(selectors[2]).not.toContain(':r7:');
  });

  test('never uses the value', () => {
    document.body.innerHTML = '<div><input value="97110"></div><div><input value="97140"></div>';
    for (const input of document.querySelectorAll('input')) expect(buildSelector(input)).not.toContain('971');
  });

  test('generated ids are recognised', () => {
    for (const id of [
      ':r3:',
      'ember1234',
      'ext-gen56',
      'field_1234567',
      '0b1c2d3e-aaaa-4bbb-8ccc-0123456789ab',
    ])
      expect(looksGenerated(id)).toBe(true);
    for (const id of ['cpt1', 'units', 'line-2-units']) expect(looksGenerated(id)).toBe(false);
  });
});

test('path patterns drop record ids, never keep query strings', () => {
  expect(pathPatternFor('/patients/48213/charges/new')).toBe('/patients/*/charges/new');
  expect(pathPatternFor('/charge.aspx')).toBe('/charge.aspx');
  expect(pathPatternFor('/enc/3f2a9c1e7b6d4a5f8e9d/lines')).toBe('/enc/*/lines');
  expect(pathPatternFor('/')).toBe('/');
});

describe('saveTaughtField', () => {
  test('adds to the mapping for host and path; re-teaching a role and line replaces it', async () => {
    await saveTaughtField('portal.x.com', '/c/*', { role: 'units', selector: '#a', line: 0 });
    await saveTaughtField('portal.x.com', '/c/*', { role: 'code', selector: '#b', line: 0, label: 'Code 1' });
    await saveTaughtField('portal.x.com', '/c/*', { role: 'units', selector: '#c', line: 0 });
    const { user } = await loadUserSettings();
    expect(user.taught).toEqual([
      {
        host: 'portal.x.com',
        pathPattern: '/c/*',
        fields: [
          { role: 'code', selector: '#b', line: 0, label: 'Code 1' },
          { role: 'units', selector: '#c', line: 0 },
        ],
      },
    ]);
  });
});

describe('picker', () => {
  let stopPicker = () => {};
  afterEach(() => stopPicker());

  function setup() {
    document.body.innerHTML = '<form id="f"><input id="svc"><button id="go">Send</button></form>';
    const pageClicks = vi.fn();
    const pageKeys = vi.fn();
    document.getElementById('svc')!.addEventListener('click', pageClicks);
    document.getElementById('go')!.addEventListener('click', pageClicks);
    document.addEventListener('keydown', pageKeys);
    const saved: unknown[] = [];
    const ended = vi.fn();
    const picker = startPicker({
      doc: document,
      win: window,
      shadowMode: 'open',
      onSave: async (choice) => {
        saved.push(choice);
      },
      onEnd: ended,
    });
    stopPicker = picker.stop;
    const host = document.querySelector('charge-guard-teach')!;
    const shadow = host.shadowRoot!;
    return { picker, pageClicks, pageKeys, saved, ended, shadow };
  }

  test('a click picks the field and never reaches the page; saving records role and line', async () => {
    const { pageClicks, saved, shadow } = setup();
    document.getElementById('svc')!.click();
    expect(pageClicks).not.toHaveBeenCalled();
    const dialog = shadow.querySelector('form')!;
    expect(dialog.hidden).toBe(false);
    const [role] = Array.from(dialog.querySelectorAll('select'));
    role!.value = 'units';
    role!.dispatchEvent(new Event('change'));
    const line = dialog.querySelector<HTMLInputElement>('input[type="number"]')!;
    line.value = '2';
    dialog.dispatchEvent(new Event('submit', { cancelable: true }));
    await Promise.resolve();
    expect(saved).toEqual([{ role: 'units', selector: '#svc', line: 1 }]);
  });

  test("clicks and keys in the picker's own dialog never reach the page", () => {
    const { shadow } = setup();
    const pageClicks = vi.fn();
    const pageKeys = vi.fn();
    document.addEventListener('click', pageClicks);
    document.addEventListener('keyup', pageKeys);
    document.getElementById('svc')!.click();
    const cancel = Array.from(shadow.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!;
    shadow
      .querySelector('select')!
      .dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true, composed: true }));
    cancel.click();
    expect(pageClicks).not.toHaveBeenCalled();
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('click', pageClicks);
    document.removeEventListener('keyup', pageKeys);
  });

  test('the submit button can be taught without submitting', () => {
    const { pageClicks, shadow } = setup();
    const submitted = vi.fn((e: Event) => e.preventDefault());
    document.getElementById('f')!.addEventListener('submit', submitted);
    document.getElementById('go')!.click();
    expect(pageClicks).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    expect(shadow.querySelector('select')!.value).toBe('submit');
  });

  test('Escape closes the dialog first, then ends teaching and removes the picker', () => {
    const { ended, pageKeys, shadow } = setup();
    document.getElementById('svc')!.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow.querySelector('form')!.hidden).toBe(true);
    expect(ended).not.toHaveBeenCalled();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(pageKeys).not.toHaveBeenCalled();
    expect(document.querySelector('charge-guard-teach')).toBeNull();
    // Page clicks work again.
    const clicks = vi.fn();
    document.getElementById('svc')!.addEventListener('click', clicks);
    document.getElementById('svc')!.click();
    expect(clicks).toHaveBeenCalledTimes(1);
  });
});
