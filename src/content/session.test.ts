// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Finding } from '../core/finding';
import type { FieldBinding, PageChange, PageReading } from '../page/types';
import type { FrameSettings, Ports } from './ports';
import { type Session, startSession } from './session';

/**
 * The wiring with fake page/core/settings layers: a one-line form whose modifier box must
 * hold GO. The real layers are exercised end to end in test/e2e/portals.
 */
let scope: AbortController;
let ports: Ports & { changed?: (change: PageChange) => void };
let settings: FrameSettings;
let pageSubmits: number;
let overrides: { rule: string; site: string; reason: string }[];
let session: Session;

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
const host = () => document.querySelector('charge-guard-overlay');
const shadow = () => host()!.shadowRoot!;
function trustedClick(el: Element) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

function read(): PageReading {
  const bindings: FieldBinding[] = [
    { role: 'code', element: $('[name=cpt]'), line: 0 },
    { role: 'modifier', element: $('[name=mod]'), line: 0, slot: 0 },
  ];
  const payer = document.querySelector<HTMLInputElement>('[name=payer]');
  if (payer) bindings.push({ role: 'payer', element: payer });
  return {
    claim: {
      ...(payer && { payer: payer.value }),
      lines: [
        { code: $<HTMLInputElement>('[name=cpt]').value, modifiers: $<HTMLInputElement>('[name=mod]').value },
      ],
    },
    bindings,
    submitControls: [$('button[type=submit]')],
    forms: [$('form')],
  };
}

function check(input: unknown): Finding[] {
  const line = (input as { lines: { modifiers: string }[] }).lines[0]!;
  if (line.modifiers.includes('GO')) return [];
  return [
    {
      rule: 'modifier/discipline-missing',
      severity: 'error',
      line: 0,
      field: 'modifiers',
      message: 'needs GO',
      fix: { line: 0, addModifier: 'GO' },
      source: 'CMS Pub. 100-04, ch. 5, §20',
    },
  ];
}

/** Whether the extension is still there (false: reloaded or removed under the page). */
let alive = true;

async function start() {
  session = await startSession(
    {
      doc: document,
      win: window,
      signal: scope.signal,
      siteUrl: 'https://ehr.example/charges',
      siteName: 'ehr.example',
      shadowMode: 'open',
      alive: () => alive,
    },
    ports,
  );
}

beforeEach(() => {
  document.body.innerHTML =
    '<form><input name="cpt" value="97535"><input name="mod" value=""><button type="submit">Submit</button></form>';
  pageSubmits = 0;
  alive = true;
  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    pageSubmits++;
  });
  overrides = [];
  settings = { run: true, profileId: null, customProfiles: [], page: { taught: [] }, tables: undefined };
  scope = new AbortController();
  ports = {
    readPage: vi.fn(() => read()),
    updateReading: vi.fn(() => false),
    watchPage: (_doc, _config, onChange) => {
      ports.changed = onChange;
    },
    applyFix: vi.fn((fix, reading) => {
      const el = reading.bindings.find((b: FieldBinding) => b.role === 'modifier')!
        .element as HTMLInputElement;
      if ('addModifier' in fix) el.value = fix.addModifier;
      return true;
    }),
    markForE2E: vi.fn(),
    checkClaim: vi.fn((input) => check(input)),
    loadSettings: async () => settings,
    onSettingsChanged: () => {},
    recordOverride: async (entry) => {
      overrides.push(entry);
    },
  };
});
afterEach(() => scope.abort());

test('reads, checks and shows the findings in one overlay host', async () => {
  await start();
  expect(document.querySelectorAll('charge-guard-overlay')).toHaveLength(1);
  expect(session.status()).toEqual({
    active: true,
    counts: { error: 1, warning: 0, info: 0 },
    profileId: 'medicare',
    profileFrom: 'default',
  });
});

test('a one-click fix writes the page field and clears the finding', async () => {
  await start();
  shadow().querySelector<HTMLButtonElement>('.cg-toggle')!.click();
  shadow().querySelector<HTMLButtonElement>('[data-cg-fix="modifier/discipline-missing"]')!.click();
  expect($<HTMLInputElement>('[name=mod]').value).toBe('GO');
  expect(session.status().counts.error).toBe(0);
});

test('a fix the page will not take leaves the field as it was and takes the user to it', async () => {
  vi.mocked(ports.applyFix).mockImplementationOnce(() => false);
  await start();
  shadow().querySelector<HTMLButtonElement>('.cg-toggle')!.click();
  shadow().querySelector<HTMLButtonElement>('[data-cg-fix="modifier/discipline-missing"]')!.click();
  expect($<HTMLInputElement>('[name=mod]').value).toBe('');
  expect(document.activeElement).toBe($('[name=mod]'));
  expect(session.status().counts.error).toBe(1);
});

test('page changes are re-checked, several in one batch only once', async () => {
  await start();
  const checks = vi.mocked(ports.checkClaim).mock.calls.length;
  $<HTMLInputElement>('[name=mod]').value = 'GO';
  ports.changed!({ structural: true, edited: new Set() });
  ports.changed!({ structural: true, edited: new Set() });
  await Promise.resolve();
  expect(vi.mocked(ports.checkClaim).mock.calls.length).toBe(checks + 1);
  expect(session.status().counts.error).toBe(0);
});

test('submit guard: held once, "Submit anyway" records rule and site only, and submits exactly once', async () => {
  await start();
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(0);
  const reason = shadow().querySelector<HTMLInputElement>('.cg-guard input')!;
  reason.value = 'Payer contract allows it';
  reason.dispatchEvent(new Event('input', { bubbles: true }));
  trustedClick(shadow().querySelector('[data-cg-guard="submit-anyway"]')!);
  expect(pageSubmits).toBe(1);
  expect(overrides).toEqual([
    { rule: 'modifier/discipline-missing', site: 'ehr.example', reason: 'Payer contract allows it' },
  ]);
  // The same errors, already overridden, do not hold the next submit.
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(2);
});

test('submit guard: Review drops the held submit and focuses the first error', async () => {
  await start();
  trustedClick($('button[type=submit]'));
  shadow().querySelector<HTMLButtonElement>('[data-cg-guard="review"]')!.click();
  expect(pageSubmits).toBe(0);
  expect(document.activeElement).toBe($('[name=mod]'));
});

test('no errors: submits are never held', async () => {
  $<HTMLInputElement>('[name=mod]').value = 'GO';
  await start();
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(1);
});

test('fail open: a reader that throws leaves no overlay and no held submit; the next change retries', async () => {
  vi.mocked(ports.readPage).mockImplementationOnce(() => {
    throw new Error('reader broke');
  });
  await start();
  expect(host()).toBeNull();
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(1);
  session.recheck();
  expect(host()).not.toBeNull();
});

test('fail open: a core that throws removes the overlay', async () => {
  await start();
  vi.mocked(ports.checkClaim).mockImplementationOnce(() => {
    throw new Error('core broke');
  });
  session.recheck();
  expect(host()).toBeNull();
  expect(session.status().active).toBe(false);
});

test("a settings change elsewhere (another site taught, an override logged, the policy cached) does not read the page again; a change to this frame's settings does", async () => {
  await start();
  const reads = () => vi.mocked(ports.readPage).mock.calls.length;
  const before = reads();
  settings = { ...settings, page: { taught: [] } }; // loaded anew, equal in every field
  await session.reload();
  expect(reads()).toBe(before);
  settings = {
    ...settings,
    page: { taught: [{ host: 'ehr.example', pathPattern: '/charges', fields: [] }] },
  };
  await session.reload();
  expect(reads()).toBe(before + 1);
  expect(vi.mocked(ports.readPage).mock.calls.at(-1)?.[1].taught).toHaveLength(1);
});

test('payer profile: the site setting, else the payer named on the page, else Medicare; the panel overrides', async () => {
  document.querySelector('form')!.insertAdjacentHTML('afterbegin', '<input name="payer" value="Aetna PPO">');
  await start();
  expect(session.status()).toMatchObject({ profileId: 'commercial', profileFrom: 'page' });
  settings = { ...settings, profileId: 'medicaid' };
  await session.reload();
  expect(session.status()).toMatchObject({ profileId: 'medicaid', profileFrom: 'site' });
  const select = shadow().querySelector<HTMLSelectElement>('[data-cg-profile-select]');
  expect(select).toBeNull(); // panel collapsed: the switcher shows once it is opened
  shadow().querySelector<HTMLButtonElement>('.cg-toggle')!.click();
  const opened = shadow().querySelector<HTMLSelectElement>('[data-cg-profile-select]')!;
  opened.value = 'medicare-advantage';
  opened.dispatchEvent(new Event('change', { bubbles: true }));
  expect(session.status()).toMatchObject({ profileId: 'medicare-advantage', profileFrom: 'panel' });
  expect(vi.mocked(ports.checkClaim).mock.lastCall?.[1].profile.id).toBe('medicare-advantage');
});

test('SPA navigation forgets the panel profile and overridden errors of the previous page', async () => {
  await start();
  shadow().querySelector<HTMLButtonElement>('.cg-toggle')!.click();
  const select = shadow().querySelector<HTMLSelectElement>('[data-cg-profile-select]')!;
  select.value = 'commercial';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  trustedClick($('button[type=submit]'));
  trustedClick(shadow().querySelector('[data-cg-guard="submit-anyway"]')!);
  expect(pageSubmits).toBe(1);
  await session.navigated('https://ehr.example/charges/next');
  expect(session.status()).toMatchObject({ profileId: 'medicare', profileFrom: 'default' });
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(1); // held again: the override belonged to the previous page
});

test('a site switched off gets nothing', async () => {
  settings = { ...settings, run: false };
  await start();
  expect(host()).toBeNull();
  expect(ports.readPage).not.toHaveBeenCalled();
});

test('the first reading is spread over tasks; what changed meanwhile is checked when it ends', async () => {
  let stepsTaken = 0;
  let clock = 0;
  vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
  ports.readPageSteps = function* () {
    for (let i = 0; i < 10; i++) {
      clock += 5; // each step is 5 ms of work: slices of 12 ms take three steps
      stepsTaken++;
      yield;
    }
    return read();
  };
  await start();
  expect(stepsTaken).toBe(3); // the first slice only, then the page gets the main thread back
  expect(host()).toBeNull();
  ports.changed!({ structural: false, edited: new Set([$('[name=mod]')]) }); // typing meanwhile
  expect(ports.readPage).not.toHaveBeenCalled();
  for (let i = 0; i < 10 && !host(); i++) await new Promise((done) => setTimeout(done, 5));
  expect(stepsTaken).toBe(10);
  expect(host()).not.toBeNull();
  await Promise.resolve();
  expect(ports.readPage).toHaveBeenCalledTimes(1); // the change made during the slices, read at its end
  vi.mocked(window.performance.now).mockRestore();
});

test('a page whose structure changes while it is first read is read again in slices, never in one task; later changes are spaced', async () => {
  let clock = 0;
  vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
  let readings = 0;
  ports.readPageSteps = function* () {
    readings++;
    for (let i = 0; i < 10; i++) {
      clock += 5; // 50 ms of work in all, in slices of 12 ms
      if (readings === 1 && i === 4) ports.changed!({ structural: true, edited: new Set() }); // rows rendered meanwhile
      yield;
    }
    return read();
  };
  await start();
  for (let i = 0; i < 40 && readings < 2; i++) await new Promise((done) => setTimeout(done, 5));
  expect(readings).toBe(2);
  expect(host()).not.toBeNull(); // the first reading was checked and shown meanwhile
  for (let i = 0; i < 40 && vi.mocked(ports.readPage).mock.calls.length === 0; i++) {
    await new Promise((done) => setTimeout(done, 5));
    if (i === 20) ports.changed!({ structural: true, edited: new Set() }); // the page changes again, later
  }
  // Read in slices both times, never by readPage (one task); the later change waits its turn:
  // the second reading cost 50 ms, and re-reads the page causes keep to REREAD_SHARE of the time.
  expect(ports.readPage).not.toHaveBeenCalled();
  expect(readings).toBe(2);
  vi.mocked(window.performance.now).mockRestore();
});

test('a full reading during the slices makes them stale: they never paint over it', async () => {
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  let clock = 0;
  vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
  let finished = false;
  ports.readPageSteps = function* () {
    clock += 20;
    yield;
    finished = true;
    return null; // would drop the overlay if it were still in force
  };
  await start();
  session.recheck(); // e.g. a settings change: reads the page in full at once
  expect(host()).not.toBeNull();
  setTimeout(release, 20);
  await gate;
  expect(finished).toBe(false);
  expect(host()).not.toBeNull();
  vi.mocked(window.performance.now).mockRestore();
});

test('an extension gone under the page (reloaded, removed) never holds a submit; its overlay goes', async () => {
  await start();
  expect(host()).not.toBeNull();
  alive = false;
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(1);
  expect(host()).toBeNull();
});

test('invalidating the context removes the overlay and the guard', async () => {
  await start();
  scope.abort();
  expect(host()).toBeNull();
  trustedClick($('button[type=submit]'));
  expect(pageSubmits).toBe(1);
});

test('a page that keeps re-rendering on its own is re-read at most ~3% of the time; typing is never held back', async () => {
  let clock = 1000;
  vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
  vi.mocked(ports.readPage).mockImplementation(() => {
    clock += 10; // every full reading takes 10 ms
    return read();
  });
  await start();
  const reads = () => vi.mocked(ports.readPage).mock.calls.length;
  const rerendered = async () => {
    ports.changed!({ structural: true, edited: new Set() });
    await Promise.resolve();
  };
  await rerendered(); // the first re-render after a quiet spell: read at once
  expect(reads()).toBe(2);
  for (let i = 0; i < 5; i++) await rerendered(); // more within 190 ms: put off, and merged
  expect(reads()).toBe(2);
  ports.changed!({ structural: true, edited: new Set([$('[name=mod]')]) }); // typing meanwhile
  await Promise.resolve();
  expect(reads()).toBe(3);
  await rerendered(); // the first re-render after typing: at once again
  expect(reads()).toBe(4);
  await rerendered();
  await rerendered();
  expect(reads()).toBe(4);
  await new Promise((done) => setTimeout(done, 100));
  expect(reads()).toBe(4); // 10 ms of reading at 3% is one read per 333 ms: still put off
  clock += 340;
  await new Promise((done) => setTimeout(done, 300));
  expect(reads()).toBe(5); // the put-off re-read, once
  vi.mocked(window.performance.now).mockRestore();
});

test('settings loads that finish out of order leave the newest settings in force', async () => {
  await start();
  // Two quick saves (teaching two fields) start two loads; the older one resolves last.
  const older: FrameSettings = {
    ...settings,
    page: { taught: [{ host: 'ehr.example', pathPattern: '/a', fields: [] }] },
  };
  const newer: FrameSettings = {
    ...settings,
    page: { taught: [{ host: 'ehr.example', pathPattern: '/b', fields: [] }] },
  };
  let releaseOlder!: () => void;
  let releaseNewer!: () => void;
  ports.loadSettings = vi
    .fn()
    .mockImplementationOnce(() => new Promise<FrameSettings>((done) => (releaseOlder = () => done(older))))
    .mockImplementationOnce(() => new Promise<FrameSettings>((done) => (releaseNewer = () => done(newer))));
  const first = session.reload();
  const second = session.reload();
  releaseNewer();
  await second;
  releaseOlder();
  await first;
  const readWith = vi.mocked(ports.readPage).mock.calls.map(([, config]) => config.taught[0]?.pathPattern);
  expect(readWith.at(-1)).toBe('/b');
  expect(readWith).not.toContain('/a');
});

describe('the watcher learns the shadow roots from the first reading', () => {
  const spyOnWatch = () => {
    const found: (readonly (Document | ShadowRoot)[] | undefined)[] = [];
    const options: unknown[] = [];
    ports.watchPage = (_doc, _config, onChange, _signal, watchOptions) => {
      ports.changed = onChange;
      options.push(watchOptions);
      return { shadowRootsFound: (roots) => found.push(roots) };
    };
    return { found, options };
  };

  test('a reading that walked the page hands its roots over; the watcher does not search itself', async () => {
    const { found, options } = spyOnWatch();
    vi.mocked(ports.readPage).mockImplementation(() => ({ ...read(), roots: [document] }));
    await start();
    expect(options).toEqual([{ scan: 'later' }]);
    expect(found).toEqual([[document]]);
  });

  test('no charge lines (no reading): the watcher is told to search in idle time', async () => {
    const { found } = spyOnWatch();
    vi.mocked(ports.readPage).mockImplementation(() => null);
    await start();
    expect(found).toEqual([undefined]);
  });

  test('a reading that fails hands over no roots either: the watcher searches what was added', async () => {
    const { found } = spyOnWatch();
    vi.mocked(ports.readPage).mockImplementation(() => {
      throw new Error('a page the reader trips on');
    });
    await start();
    expect(found).toEqual([undefined]);
  });
});

describe('where draws wait for the layout after a change, what a person does is still drawn at once', () => {
  /** A ResizeObserver that delivers only when the test says the browser has laid out a frame. */
  let deliveries: (() => void)[] = [];
  const layout = () => {
    const due = deliveries;
    deliveries = [];
    for (const deliver of due) deliver();
  };
  const original = Object.getOwnPropertyDescriptor(window, 'ResizeObserver');
  beforeEach(() => {
    deliveries = [];
    class LaidOutObserver {
      constructor(private readonly callback: () => void) {}
      observe() {
        deliveries.push(() => this.callback());
      }
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      value: LaidOutObserver,
      configurable: true,
      writable: true,
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(window, 'ResizeObserver', original);
    else delete (window as { ResizeObserver?: unknown }).ResizeObserver;
  });
  const guard = () => shadow().querySelector('[data-cg-guard="review"]');

  test('a held submit shows the guard, and Review takes it away, before the click returns', async () => {
    await start();
    layout(); // the overlay's first draw: observers have now proved they deliver after layout
    trustedClick($('button[type=submit]'));
    expect(pageSubmits).toBe(0);
    expect(guard()).not.toBeNull();
    (guard() as HTMLButtonElement).click();
    expect(guard()).toBeNull();
    expect(document.activeElement).toBe($('[name=mod]'));
  });

  test('the second reading of a page that changed while it was first read is measured after a layout, not in a task', async () => {
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
    let readings = 0;
    let secondHeld = true; // the second reading ends when the test says so
    ports.readPageSteps = function* () {
      const reading = ++readings;
      for (let i = 0; i < 4 || (reading === 2 && secondHeld); i++) {
        clock += 5;
        if (reading === 1 && i === 1) ports.changed!({ structural: true, edited: new Set() }); // rows rendered meanwhile
        yield;
      }
      return read();
    };
    await start();
    const checks = () => vi.mocked(ports.checkClaim).mock.calls.length;
    for (let i = 0; i < 100 && checks() === 0; i++) await new Promise((done) => setTimeout(done, 5));
    await new Promise((done) => setTimeout(done, 0)); // the first draw measures in a task of its own
    layout(); // the frame after the first draw: observers prove they deliver after layout
    const measured = vi.spyOn($('[name=mod]'), 'getBoundingClientRect'); // the finding's field
    secondHeld = false;
    for (let i = 0; i < 100 && checks() === 1; i++) await new Promise((done) => setTimeout(done, 5));
    expect(readings).toBe(2); // the second reading was checked, and its draw asked for
    expect(deliveries).toHaveLength(1); // ... after the next layout
    expect(measured).not.toHaveBeenCalled(); // in a task, reading its box would force the page's layout
    layout();
    expect(measured).toHaveBeenCalled();
    vi.mocked(window.performance.now).mockRestore();
  });

  test('a one-click fix clears its finding from the panel before the click returns', async () => {
    await start();
    layout();
    shadow().querySelector<HTMLButtonElement>('.cg-toggle')!.click();
    layout();
    const fix = () => shadow().querySelector('[data-cg-fix="modifier/discipline-missing"]');
    expect(fix()).not.toBeNull();
    (fix() as HTMLButtonElement).click();
    expect($<HTMLInputElement>('[name=mod]').value).toBe('GO');
    expect(fix()).toBeNull();
  });
});
