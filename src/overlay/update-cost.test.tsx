// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Finding } from '../core/finding';
import { mountOverlay, type OverlayHandle, SCROLL_SETTLE_MS } from './mount';
import type { OverlayActions, OverlayModel } from './types';

/**
 * What an update costs the page: re-checks that find the same things write nothing, and geometry
 * is read only when a finding sits at a field (a clean grid that re-renders costs nothing),
 * after the page's own layout (or at the next frame where layout is never reported, as here)
 * rather than forced in the middle of it.
 */

const finding = (line: number, units: string): Finding => ({
  rule: 'units/exceeds-minutes',
  severity: 'error',
  line,
  field: 'units',
  message: `${units} units billed for 15 minutes.`,
  source: 'CMS Pub. 100-04, ch. 5, §20.2',
});

let scope: AbortController;
let overlay: OverlayHandle;
let fields: HTMLInputElement[];
const actions: OverlayActions = {
  fix: () => {},
  reveal: () => {},
  setProfile: () => {},
  review: () => {},
  submitAnyway: () => {},
};

function model(findings: Finding[], anchor: (f: Finding) => Element | null = () => null): OverlayModel {
  return {
    findings,
    lineLabels: ['97110', '97140'],
    anchorFor: anchor,
    obstacles: () => fields,
    profile: { id: 'medicare', from: 'default', choices: [{ id: 'medicare', name: 'Medicare Part B' }] },
    guard: null,
  };
}

/** Gives a page element a box (happy-dom lays nothing out). */
function place(el: Element, left: number, top: number) {
  el.getBoundingClientRect = () =>
    ({ left, top, width: 80, height: 20, right: left + 80, bottom: top + 20 }) as DOMRect;
}

const flush = () => new Promise((done) => setTimeout(done, 40));
/** Past the look the overlay takes once the page's own scroll has settled. */
const settled = () => new Promise((done) => setTimeout(done, SCROLL_SETTLE_MS + 40));

/** Every DOM write inside the overlay's shadow root and on its host, the frames after included. */
async function writesDuring(run: () => void): Promise<number> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(overlay.host.shadowRoot!, options);
  observer.observe(overlay.host, { attributes: true });
  run();
  await flush();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records.length;
}

beforeEach(() => {
  document.body.innerHTML = '<form><input name="u0"><input name="u1"></form>';
  fields = Array.from(document.querySelectorAll('input'));
  place(fields[0]!, 100, 100);
  place(fields[1]!, 100, 200);
  scope = new AbortController();
  overlay = mountOverlay(document, actions, scope.signal, { mode: 'open' });
});
afterEach(() => scope.abort());

test('the same findings at the same fields, checked again, write nothing', async () => {
  const anchor = (f: Finding) => fields[f.line ?? 0] ?? null;
  overlay.update(model([finding(1, '9')], anchor));
  await flush();
  expect(overlay.host.shadowRoot!.querySelectorAll('.cg-ring')).toHaveLength(1);
  // New objects with equal content, as every re-check makes them.
  expect(await writesDuring(() => overlay.update(model([finding(1, '9')], anchor)))).toBe(0);
  expect(await writesDuring(() => overlay.update(model([], anchor)))).toBeGreaterThan(0);
  expect(overlay.host.shadowRoot!.querySelectorAll('.cg-ring')).toHaveLength(0);
});

test('a changed message, or the same finding at another field, is shown', async () => {
  overlay.update(model([finding(1, '9')], () => fields[1]!));
  await flush();
  const ring = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring')!;
  expect(ring().style.top).toBe('200px');
  overlay.update(model([finding(1, '9')], () => fields[0]!));
  await flush();
  expect(ring().style.top).toBe('100px');
  overlay.setOpen(true);
  expect(
    await writesDuring(() => overlay.update(model([finding(1, '8')], () => fields[0]!))),
  ).toBeGreaterThan(0);
  expect(overlay.host.shadowRoot!.textContent).toContain('8 units billed');
});

test('a field that moved under an unchanged finding takes its ring along', async () => {
  overlay.update(model([finding(0, '9')], () => fields[0]!));
  await flush();
  place(fields[0]!, 100, 160); // a row inserted above it
  overlay.update(model([finding(0, '9')], () => fields[0]!));
  await flush();
  expect(overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring')!.style.top).toBe('160px');
});

test('with no finding at a field, updates read no geometry at all', async () => {
  overlay.update(model([]));
  await flush(); // the panel's corner is picked once, with its real size
  const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  const obstacles = vi.fn(() => fields);
  for (let i = 0; i < 5; i++) overlay.update({ ...model(i % 2 ? [] : [finding(0, String(i))]), obstacles });
  await flush();
  expect(reads).not.toHaveBeenCalled();
  expect(obstacles).not.toHaveBeenCalled();
  reads.mockRestore();
});

test('geometry is read at the next frame, not during the update', async () => {
  overlay.update(model([]));
  await flush();
  const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  overlay.update(model([finding(0, '9')], () => fields[0]!));
  expect(reads).not.toHaveBeenCalled();
  await flush();
  expect(overlay.host.shadowRoot!.querySelectorAll('.cg-ring')).toHaveLength(1);
  reads.mockRestore();
});

test("a keystroke's update ('now') is measured and drawn in its own task: no frame is asked for", async () => {
  overlay.update(model([]));
  await flush();
  const frames = vi.spyOn(window, 'requestAnimationFrame');
  const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  overlay.update(
    model([finding(0, '9')], () => fields[0]!),
    'now',
  );
  expect(reads).toHaveBeenCalled();
  expect(overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring')?.style.top).toBe('100px');
  expect(overlay.host.shadowRoot!.textContent).toContain('9 units billed');
  expect(frames).not.toHaveBeenCalled();
  frames.mockRestore();
  reads.mockRestore();
});

test("the first check's update ('task') is drawn in a task of its own, not in a frame", async () => {
  const frames = vi.spyOn(window, 'requestAnimationFrame');
  const ring = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring');
  overlay.update(
    model([finding(0, '9')], () => fields[0]!),
    'task',
  );
  expect(ring()).toBeNull(); // not in the caller's task
  await new Promise((done) => window.setTimeout(done, 5));
  expect(ring()?.style.top).toBe('100px');
  expect(overlay.host.shadowRoot!.textContent).toContain('9 units billed');
  expect(frames).not.toHaveBeenCalled();
  frames.mockRestore();
});

test("the page's controls are measured once while nothing moves, again after a box inside the page scrolled or a field moved", async () => {
  const button = document.createElement('button');
  document.body.append(button);
  let reads = 0;
  button.getBoundingClientRect = () => {
    reads++;
    return { left: 300, top: 100, width: 60, height: 20, right: 360, bottom: 120 } as DOMRect;
  };
  const controls = [...fields, button];
  const at = (units: string) => ({
    ...model([finding(0, units)], () => fields[0]!),
    obstacles: () => controls,
  });
  overlay.update(at('9'));
  await flush();
  expect(reads).toBe(1);
  for (const units of ['10', '11', '12']) {
    overlay.update(at(units)); // typing: new wording each time, same field, same page
    await flush();
  }
  expect(reads).toBe(1);
  const list = document.createElement('div');
  document.body.append(list);
  list.dispatchEvent(new Event('scroll')); // a scrolling box inside the page (scroll does not bubble)
  await flush();
  expect(reads).toBe(2);
  place(fields[0]!, 100, 130); // a banner pushed the form down
  overlay.update(at('13'));
  await flush();
  expect(reads).toBe(3);
});

test('when the page itself scrolls, only the controls on screen before or after are read again; the rest moved with it', async () => {
  let scrollY = 0;
  const own = Object.getOwnPropertyDescriptor(window, 'scrollY');
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  const reads = new Map<string, number>();
  /** A control `top` px down the page (at `top` on screen whatever the scroll when fixed), counting its reads. */
  const control = (name: string, top: number, fixed = false) => {
    const el = document.createElement('button');
    el.getBoundingClientRect = () => {
      reads.set(name, (reads.get(name) ?? 0) + 1);
      const y = fixed ? top : top - scrollY;
      return { left: 300, top: y, width: 60, height: 20, right: 360, bottom: y + 20 } as DOMRect;
    };
    return el;
  };
  const toolbar = control('toolbar', 10, true);
  const inView = control('in view', 300);
  const below = control('below', innerHeight + 200); // comes into view after the scroll
  const farBelow = control('far below', innerHeight + 5000); // off screen before and after
  fields[0]!.getBoundingClientRect = () =>
    ({ left: 100, top: 100 - scrollY, width: 80, height: 20, right: 180, bottom: 120 - scrollY }) as DOMRect;
  const controls = [fields[0]!, toolbar, inView, below, farBelow];
  overlay.update({ ...model([finding(0, '9')], () => fields[0]!), obstacles: () => controls });
  await flush();
  expect([...reads.values()]).toEqual([1, 1, 1, 1]);
  scrollY = 400;
  document.dispatchEvent(new Event('scroll'));
  await settled();
  expect(Object.fromEntries(reads)).toEqual({ toolbar: 2, 'in view': 2, below: 2, 'far below': 1 });
  restoreScrollY(own);
});

/** Puts back window.scrollY as the test found it. */
function restoreScrollY(own: PropertyDescriptor | undefined) {
  if (own) Object.defineProperty(window, 'scrollY', own);
  else delete (window as { scrollY?: number }).scrollY;
}

describe("the page's own scroll", () => {
  let scrollY = 0;
  let own: PropertyDescriptor | undefined;
  let reads = 0;
  /** A field `top` px down the page, counting its reads. */
  const fieldAt = (el: Element, top: number) => {
    el.getBoundingClientRect = () => {
      reads++;
      const y = top - scrollY;
      return { left: 100, top: y, width: 80, height: 20, right: 180, bottom: y + 20 } as DOMRect;
    };
  };
  const layer = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-marks')!;
  /** A finding at a field on the page (100px down) and one at a field in a fixed toolbar (10px from the top of the screen, whatever the scroll). */
  const withToolbarField = async () => {
    fieldAt(fields[0]!, 100);
    fields[1]!.getBoundingClientRect = () =>
      ({ left: 100, top: 10, width: 80, height: 20, right: 180, bottom: 30 }) as DOMRect;
    overlay.update(model([finding(0, '9'), finding(1, '9')], (f) => fields[f.line ?? 0]!));
    await flush();
  };
  const ring = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring');
  beforeEach(() => {
    scrollY = 0;
    reads = 0;
    own = Object.getOwnPropertyDescriptor(window, 'scrollY');
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  });
  afterEach(() => restoreScrollY(own));

  test('moves the rings and badges after the frame, with one style write, and looks at the page once the burst settles', async () => {
    fieldAt(fields[0]!, 100);
    overlay.update(model([finding(0, '9')], () => fields[0]!));
    await flush();
    expect(ring()?.style.top).toBe('100px');
    reads = 0;

    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(overlay.host.shadowRoot!, { subtree: true, childList: true, attributes: true });
    for (const y of [10, 20, 30]) {
      scrollY = y;
      document.dispatchEvent(new Event('scroll'));
    }
    expect(layer().style.transform).toBe(''); // not in the scroll event: the page may not be laid out yet
    await flush();
    records.push(...observer.takeRecords());
    expect(layer().style.transform).toBe('translate(0px, -30px)');
    expect(records.map((r) => (r.target as Element).className)).toEqual(['cg-marks']);
    expect(reads).toBe(0); // no box read while the page scrolls

    await settled();
    expect(reads).toBe(2); // one look for the three scrolls: the field, as an anchor and as a control on screen
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(records).toHaveLength(1); // the field is where it was on the page: nothing redrawn
    expect(ring()?.style.top).toBe('100px'); // page coordinates, shown 30px higher by the layer
  });

  test("a keystroke's own look at the new scroll, before the scroll event, leaves no look for later", async () => {
    fieldAt(fields[0]!, 100);
    overlay.update(model([finding(0, '9')], () => fields[0]!));
    await flush();
    scrollY = 40; // focusing the field scrolled the page; its scroll event comes with the next frame
    overlay.update(
      model([finding(0, '10')], () => fields[0]!),
      'now',
    );
    reads = 0;
    document.dispatchEvent(new Event('scroll'));
    await settled();
    expect(layer().style.transform).toBe('translate(0px, -40px)');
    expect(reads).toBe(0);
  });

  test('a body that scrolls in place of the window (the window stays at 0) is looked at in the frame it scrolled in', async () => {
    let bodyTop = 0;
    fields[0]!.getBoundingClientRect = () =>
      ({
        left: 100,
        top: 300 - bodyTop,
        width: 80,
        height: 20,
        right: 180,
        bottom: 320 - bodyTop,
      }) as DOMRect;
    overlay.update(model([finding(0, '9')], () => fields[0]!));
    await flush();
    expect(ring()?.style.top).toBe('300px');
    bodyTop = 100;
    document.body.dispatchEvent(new Event('scroll'));
    await flush();
    expect(ring()?.style.top).toBe('200px');
    expect(layer().style.transform).toBe('');
  });

  test('a field in a fixed toolbar, once a look finds it stayed put, is marked outside the shifted layer', async () => {
    await withToolbarField();
    const ringTop = (layerClass: string) =>
      overlay.host.shadowRoot!.querySelector<HTMLElement>(`.${layerClass} .cg-ring`)?.style.top;
    expect([ringTop('cg-marks'), ringTop('cg-pinned')]).toEqual(['100px', undefined]);

    scrollY = 50;
    document.dispatchEvent(new Event('scroll'));
    await settled();
    expect([ringTop('cg-marks'), ringTop('cg-pinned')]).toEqual(['100px', '10px']);
    expect(overlay.host.shadowRoot!.querySelector('.cg-pinned [data-cg-badge]')).not.toBeNull();

    scrollY = 90; // it stays where it is while the layer follows the page
    document.dispatchEvent(new Event('scroll'));
    await flush();
    expect(layer().style.transform).toBe('translate(0px, -90px)');
    expect([ringTop('cg-marks'), ringTop('cg-pinned')]).toEqual(['100px', '10px']);
    const pinnedLayer = overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-pinned')!;
    expect(pinnedLayer.style.transform).toBe('');
  });

  test('a field the browser kept still by changing the scroll (an insert above it) is not pinned', async () => {
    let insertedAbove = 0;
    fields[0]!.getBoundingClientRect = () => {
      const y = 300 + insertedAbove - scrollY;
      return { left: 100, top: y, width: 80, height: 20, right: 180, bottom: y + 20 } as DOMRect;
    };
    overlay.update(model([finding(0, '9')], () => fields[0]!));
    await flush();
    insertedAbove = 200; // a banner above it; scroll anchoring moves the scroll by as much
    scrollY = 200;
    document.dispatchEvent(new Event('scroll'));
    await settled();
    const ring = overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-marks .cg-ring');
    expect(ring?.style.top).toBe('500px'); // on the page, in the layer that follows the scroll
    expect(overlay.host.shadowRoot!.querySelector('.cg-pinned .cg-ring')).toBeNull();
  });

  test('a focused badge that moves to the pinned layer keeps the keyboard focus', async () => {
    await withToolbarField();
    const shadow = overlay.host.shadowRoot!;
    shadow.querySelector<HTMLElement>('[data-cg-key="l1-units-d"] .cg-badge')!.focus();
    scrollY = 50;
    document.dispatchEvent(new Event('scroll'));
    await settled();
    expect(shadow.activeElement?.closest('.cg-pinned [data-cg-key="l1-units-d"]')).toBeTruthy();
  });

  test('with nothing at a field, a scroll moves the layer and arms no look', async () => {
    overlay.update(model([finding(0, '9')])); // a finding for the panel only
    await flush();
    const timers = vi.spyOn(window, 'setTimeout');
    scrollY = 200;
    document.dispatchEvent(new Event('scroll'));
    await flush();
    expect(timers.mock.calls.filter(([, ms]) => ms === SCROLL_SETTLE_MS)).toHaveLength(0);
    timers.mockRestore();
  });

  test('a field that scrolls into view gets its ring and badge once the scroll settles', async () => {
    const below = innerHeight + 300;
    fieldAt(fields[0]!, below);
    overlay.update(model([finding(0, '9')], () => fields[0]!));
    await flush();
    expect(ring()).toBeNull(); // off screen: no ring, no badge
    scrollY = 600;
    document.dispatchEvent(new Event('scroll'));
    await flush();
    expect(ring()).toBeNull();
    await settled();
    expect(ring()?.style.top).toBe(`${below}px`);
    expect(layer().style.transform).toBe('translate(0px, -600px)');
    expect(overlay.host.shadowRoot!.querySelector('[data-cg-badge]')).not.toBeNull();
  });
});

test('a page that removed the overlay gets it back at the next check, even with nothing new to show', async () => {
  overlay.update(model([finding(0, '9')]));
  overlay.host.remove();
  overlay.update(model([finding(0, '9')]));
  expect(overlay.host.isConnected).toBe(true);
});

test('a grid that re-renders the same rows (new elements, same places) re-reads no control boxes and writes nothing', async () => {
  let reads = 0;
  /** Thirty buttons down the side, `shift` px lower than the first time, each counting its reads. */
  const controlsOf = (inputs: HTMLInputElement[], shift = 0) => {
    const buttons = Array.from({ length: 30 }, (_, i) => {
      const button = document.createElement('button');
      const top = 300 + i * 24 + shift;
      button.getBoundingClientRect = () => {
        reads++;
        return { left: 300, top, width: 60, height: 20, right: 360, bottom: top + 20 } as DOMRect;
      };
      return button;
    });
    return [...inputs, ...buttons];
  };
  const at = (inputs: HTMLInputElement[], controls: Element[]) => ({
    ...model([finding(0, '9')], () => inputs[0]!),
    obstacles: () => controls,
  });
  const rerender = () => {
    document.querySelector('form')!.innerHTML = '<input name="u0"><input name="u1">';
    const next = Array.from(document.querySelectorAll<HTMLInputElement>('form input'));
    place(next[0]!, 100, 100);
    place(next[1]!, 100, 200);
    return next;
  };
  overlay.update(at(fields, controlsOf(fields)));
  await flush();
  expect(reads).toBe(30);
  const again = rerender();
  expect(await writesDuring(() => overlay.update(at(again, controlsOf(again))))).toBe(0);
  expect(reads - 30).toBeLessThan(30); // a spot check, not every control
  // The same count, the field in place, but the controls below it moved: all are read again.
  reads = 0;
  const shifted = rerender();
  overlay.update(at(shifted, controlsOf(shifted, 40)));
  await flush();
  expect(reads).toBeGreaterThanOrEqual(30);
  // One control more: the page changed around the fields, so the controls are read again.
  reads = 0;
  const grown = rerender();
  overlay.update(at(grown, [...controlsOf(grown, 40), document.createElement('select')]));
  await flush();
  expect(reads).toBeGreaterThanOrEqual(30);
});

/** A ResizeObserver that delivers when told to, as a browser does after laying out a frame. */
class DeliveringObserver {
  static all: DeliveringObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    DeliveringObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  static deliver() {
    for (const o of DeliveringObserver.all) {
      if (o.targets.size > 0) o.callback([], o as unknown as ResizeObserver);
    }
  }
}

test('where layout is reported, an update is drawn after it, in the same frame, without an animation frame', async () => {
  scope.abort();
  vi.stubGlobal('ResizeObserver', DeliveringObserver);
  scope = new AbortController();
  overlay = mountOverlay(document, actions, scope.signal, { mode: 'open' });
  const ring = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.cg-ring');
  overlay.update(model([finding(0, '9')], () => fields[0]!));
  DeliveringObserver.deliver(); // the first delivery shows that observers work on this page
  expect(ring()?.style.top).toBe('100px');
  await flush();

  const frames = vi.spyOn(window, 'requestAnimationFrame');
  const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(overlay.host.shadowRoot!, { subtree: true, childList: true, characterData: true });
  overlay.update(model([finding(1, '8')], () => fields[1]!));
  records.push(...observer.takeRecords());
  expect(records).toHaveLength(0); // nothing drawn or read until the page's layout is done
  expect(reads).not.toHaveBeenCalled();
  DeliveringObserver.deliver();
  expect(ring()?.style.top).toBe('200px');
  expect(overlay.host.shadowRoot!.textContent).toContain('8 units billed');
  expect(frames).not.toHaveBeenCalled();
  observer.disconnect();
  frames.mockRestore();
  reads.mockRestore();
  vi.unstubAllGlobals();
  DeliveringObserver.all = [];
});
