// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OVERLAY_HOST_ATTR } from './types';
import { watchPage } from './watch';

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
let controller: AbortController;
let calls: number;

beforeEach(() => {
  document.body.innerHTML =
    '<form><table><tbody id="rows"><tr><td><input name="cpt" value="97110"></td></tr></tbody></table></form>';
  controller = new AbortController();
  calls = 0;
  watchPage(document, { taught: [] }, () => calls++, controller.signal);
});
afterEach(() => controller.abort());

describe('watchPage', () => {
  test('stays silent while nothing happens', async () => {
    await frame();
    await frame();
    expect(calls).toBe(0);
  });

  test('many mutations and input events in one frame give one onChange', async () => {
    const rows = document.getElementById('rows') as HTMLElement;
    for (let i = 0; i < 50; i++)
      rows.insertAdjacentHTML('beforeend', `<tr><td><input name="cpt_${i}"></td></tr>`);
    const input = document.querySelector('input') as HTMLInputElement;
    for (let i = 0; i < 20; i++) input.dispatchEvent(new Event('input', { bubbles: true }));
    input.setAttribute('disabled', '');
    await frame();
    expect(calls).toBe(1);
    rows.insertAdjacentHTML('beforeend', '<tr><td><input></td></tr>');
    await frame();
    expect(calls).toBe(2);
  });

  test('a huge batch (full rescan path) still gives one onChange', async () => {
    const rows = document.getElementById('rows') as HTMLElement;
    const html = Array.from({ length: 400 }, (_, i) => `<tr><td><input name="u${i}"></td></tr>`).join('');
    rows.insertAdjacentHTML('beforeend', html);
    for (let i = 0; i < 300; i++) rows.appendChild(document.createElement('tr'));
    await frame();
    expect(calls).toBe(1);
  });

  test('changes to unwatched attributes and to our own overlay do not count', async () => {
    const input = document.querySelector('input') as HTMLInputElement;
    input.setAttribute('data-cg-role', 'code');
    input.setAttribute('class', 'focused');
    const host = document.createElement('div');
    host.setAttribute(OVERLAY_HOST_ATTR, '');
    document.body.appendChild(host);
    host.appendChild(document.createElement('span'));
    await frame();
    expect(calls).toBe(0);
  });

  test('change events inside an open shadow root added later are seen (change is not composed)', async () => {
    const host = document.createElement('charge-line');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input name="units">';
    await frame();
    const before = calls;
    const inner = shadow.querySelector('input') as HTMLInputElement;
    inner.dispatchEvent(new Event('change', { bubbles: true, composed: false }));
    await frame();
    expect(calls).toBe(before + 1);
    shadow.appendChild(document.createElement('input'));
    await frame();
    expect(calls).toBe(before + 2);
  });

  test('SPA navigation (popstate, hashchange) triggers a re-read', async () => {
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(new Event('hashchange'));
    await frame();
    expect(calls).toBe(1);
  });

  test('after abort nothing is called', async () => {
    controller.abort();
    (document.getElementById('rows') as HTMLElement).appendChild(document.createElement('tr'));
    document.querySelector('input')?.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    expect(calls).toBe(0);
  });
});
