// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OVERLAY_HOST_ATTR, type PageChange } from './types';
import { watchPage } from './watch';

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
let controller: AbortController;
let calls: number;
let changes: PageChange[];

beforeEach(() => {
  document.body.innerHTML =
    '<form><table><tbody id="rows"><tr><td><input name="cpt" value="97110"></td></tr></tbody></table></form>';
  controller = new AbortController();
  calls = 0;
  changes = [];
  watchPage(
    document,
    { taught: [] },
    (change) => {
      calls++;
      changes.push(change);
    },
    controller.signal,
  );
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

  test('shadow roots already on the page are found in idle time, nested ones too, and then watched', async () => {
    controller.abort();
    const outer = document.createElement('charge-sheet');
    document.body.appendChild(outer);
    const outerShadow = outer.attachShadow({ mode: 'open' });
    outerShadow.innerHTML = '<charge-line></charge-line>';
    const inner = outerShadow.querySelector('charge-line')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<input name="units">';
    controller = new AbortController();
    calls = 0;
    watchPage(document, { taught: [] }, () => calls++, controller.signal);
    for (let i = 0; i < 20 && calls === 0; i++) {
      await new Promise((done) => setTimeout(done, 60)); // idle callbacks (or their 50 ms fallback) run
      inner.appendChild(document.createElement('input'));
      await frame();
    }
    expect(calls).toBeGreaterThan(0);
    const before = calls;
    inner.querySelector('input')!.dispatchEvent(new Event('change', { bubbles: true, composed: false }));
    await frame();
    expect(calls).toBe(before + 1);
  });

  describe("scan: 'later' (the first reading hands over the shadow roots it walked)", () => {
    const restart = () => {
      controller.abort();
      const host = document.createElement('charge-line');
      document.body.appendChild(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<input name="units">';
      controller = new AbortController();
      calls = 0;
      const watch = watchPage(document, { taught: [] }, () => calls++, controller.signal, { scan: 'later' });
      return { watch, shadow };
    };
    /** Waits for idle callbacks (or their 50 ms fallback), then changes the shadow root's structure. */
    const idleThenChange = async (shadow: ShadowRoot) => {
      await new Promise((done) => setTimeout(done, 120));
      shadow.appendChild(document.createElement('input'));
      await frame();
    };

    test('no search for shadow roots until told: their structural changes are not seen yet', async () => {
      const { shadow } = restart();
      await idleThenChange(shadow);
      expect(calls).toBe(0);
    });

    test('roots handed over are watched at once, with no search of the page', async () => {
      const { shadow } = handedOver();
      shadow.appendChild(document.createElement('input'));
      await frame();
      expect(calls).toBe(1);
      shadow.querySelector('input')!.dispatchEvent(new Event('change', { bubbles: true, composed: false }));
      await frame();
      expect(calls).toBe(2);
    });

    /** A shadow host the page adds once roots have been handed over, as a re-rendered grid row would be. */
    const addHost = async () => {
      const host = document.createElement('div');
      const inner = host.attachShadow({ mode: 'open' });
      inner.innerHTML = '<input name="minutes">';
      document.body.appendChild(host);
      await frame();
      return inner;
    };

    /** A watcher to which a first reading has handed over the roots it walked. */
    const handedOver = () => {
      const started = restart();
      started.watch.shadowRootsFound([document, started.shadow]);
      return started;
    };

    test('once roots are handed over, what the page adds is left to the next reading, whose roots are watched', async () => {
      const { watch, shadow } = handedOver();
      const inner = await addHost();
      expect(calls).toBe(1); // the addition itself
      inner.appendChild(document.createElement('input'));
      await frame();
      expect(calls).toBe(1); // not searched: its root is not watched yet
      watch.shadowRootsFound([document, shadow, inner]); // the reading that the addition brought
      inner.appendChild(document.createElement('input'));
      await frame();
      expect(calls).toBe(2);
    });

    test('a reading that hands over no roots has what was added since searched at once', async () => {
      const { watch } = handedOver();
      const inner = await addHost();
      watch.shadowRootsFound(undefined); // say the page now reads as no charge form
      inner.appendChild(document.createElement('input'));
      await frame();
      expect(calls).toBe(2);
    });

    test('past a big batch of additions, a reading with no roots has the whole page searched in idle time', async () => {
      const { watch } = handedOver();
      for (let i = 0; i < 250; i++) document.body.appendChild(document.createElement('p'));
      const inner = await addHost();
      const before = calls;
      watch.shadowRootsFound(undefined);
      for (let i = 0; i < 10 && calls === before; i++) await idleThenChange(inner);
      expect(calls).toBeGreaterThan(before);
    });

    test('no roots (no reading, or one cut short): the page is searched in idle time', async () => {
      const { watch, shadow } = restart();
      watch.shadowRootsFound(undefined);
      for (let i = 0; i < 10 && calls === 0; i++) await idleThenChange(shadow);
      expect(calls).toBeGreaterThan(0);
    });
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

  test('typing names the field it changed, and is not structural', async () => {
    const input = document.querySelector('input') as HTMLInputElement;
    input.value = '97112';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.setAttribute('value', '97112'); // React keeps the attribute in step with the property
    await frame();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.structural).toBe(false);
    expect([...(changes[0]?.edited ?? [])]).toEqual([input]);
  });

  test("a person's keystroke is handed over at the end of its input event, after the page's handlers, not in a frame", () => {
    const input = document.querySelector('input') as HTMLInputElement;
    const order: string[] = [];
    document.addEventListener('input', () => order.push('page')); // a framework's root listener
    const typedEvent = new Event('input', { bubbles: true, composed: true });
    // What the browser sets for a real keystroke (script cannot make one, so the test says so).
    Object.defineProperty(typedEvent, 'isTrusted', { value: true });
    input.value = '97112';
    input.dispatchEvent(typedEvent);
    order.push(`onChange x${calls}`);
    expect(order).toEqual(['page', 'onChange x1']);
    expect(changes[0]).toMatchObject({ structural: false, typed: true });
    expect([...(changes[0]?.edited ?? [])]).toEqual([input]);
  });

  test("a script's input event (not a person's) still waits for the frame", async () => {
    const input = document.querySelector('input') as HTMLInputElement;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(calls).toBe(0);
    await frame();
    expect(calls).toBe(1);
    expect(changes[0]?.typed).toBeUndefined();
  });

  test('a select option picked by attribute names its select; a submit button toggled counts for nothing', async () => {
    document
      .querySelector('form')!
      .insertAdjacentHTML(
        'beforeend',
        '<select name="pos"><option>11</option><option>02</option></select><input type="submit" value="Save">',
      );
    await frame();
    changes = [];
    const select = document.querySelector('select') as HTMLSelectElement;
    (select.options[1] as HTMLOptionElement).setAttribute('selected', '');
    (document.querySelector('[type=submit]') as HTMLInputElement).setAttribute('disabled', '');
    await frame();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.structural).toBe(false);
    expect([...(changes[0]?.edited ?? [])]).toEqual([select]);
    (document.querySelector('[type=submit]') as HTMLInputElement).removeAttribute('disabled');
    await frame();
    expect(changes).toHaveLength(1);
  });

  test("a cell's text re-rendered is an edit of the cell; comments alone are nothing", async () => {
    const td = document.querySelector('td') as HTMLElement;
    td.insertAdjacentHTML('beforeend', '<span id="code-cell">97110</span>');
    await frame();
    changes = [];
    const span = document.getElementById('code-cell') as HTMLElement;
    (span.firstChild as Text).data = '97140';
    span.appendChild(document.createComment('react-anchor'));
    await frame();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.structural).toBe(false);
    expect([...(changes[0]?.edited ?? [])]).toEqual([span.firstChild]);
    span.textContent = '97530';
    await frame();
    expect([...(changes[1]?.edited ?? [])]).toEqual([span]);
    td.appendChild(document.createComment('only a comment'));
    await frame();
    expect(changes).toHaveLength(2);
  });

  test('rows added or removed, fields hidden, and navigation are structural', async () => {
    const rows = document.getElementById('rows') as HTMLElement;
    rows.insertAdjacentHTML('beforeend', '<tr><td><input name="cpt2"></td></tr>');
    await frame();
    (rows.lastElementChild as Element).setAttribute('hidden', '');
    await frame();
    rows.lastElementChild?.remove();
    await frame();
    window.dispatchEvent(new Event('popstate'));
    await frame();
    expect(changes.map((c) => c.structural)).toEqual([true, true, true, true]);
  });

  test('typing in the overlay, even inside its open shadow root, is not a page change', async () => {
    const host = document.createElement('charge-guard-overlay');
    host.setAttribute(OVERLAY_HOST_ATTR, '');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><input class="reason"></div>';
    await frame();
    const reason = shadow.querySelector('input') as HTMLInputElement;
    reason.value = 'payer allows it';
    reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    shadow.querySelector('div')!.appendChild(document.createElement('span'));
    await frame();
    expect(calls).toBe(0);
  });
});

describe('openShadowRoots', () => {
  test('finds every host kind the platform allows, nested too, and never the overlay', async () => {
    const { openShadowRoots } = await import('./watch');
    document.body.innerHTML =
      '<table><tr><td><span id="s"></span></td></tr></table><div id="d"></div><x-line id="x"></x-line><section id="o"></section>';
    const roots = ['s', 'd', 'x', 'o'].map((id) =>
      document.getElementById(id)!.attachShadow({ mode: 'open' }),
    );
    roots[2]!.innerHTML = '<p id="inner"></p>';
    const nested = roots[2]!.getElementById('inner')!.attachShadow({ mode: 'open' });
    document.getElementById('o')!.setAttribute(OVERLAY_HOST_ATTR, '');
    const found = openShadowRoots(document);
    expect(new Set(found)).toEqual(new Set([roots[0], roots[1], roots[2], nested]));
  });
});
