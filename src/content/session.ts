import type { Finding } from '../core/finding';
import { E2E } from '../env';
import { maybeFault } from '../fault';
import {
  countBySeverity,
  type DrawWhen,
  findingKey,
  mountOverlay,
  type OverlayHandle,
  type OverlayModel,
  openErrors,
} from '../overlay';
import type { PageChange, PageReading } from '../page/types';
import type { PageWatch } from '../page/watch';
import type { FrameStatus } from '../shared/messages';
import { anchorFor } from './anchors';
import type { FrameSettings, Ports } from './ports';
import { type ChosenProfile, chooseProfile, profileChoices } from './profile-choice';
import { type HeldAction, installSubmitGuard } from './submit-guard';

export interface Session {
  /** Re-reads the page and re-checks now. */
  recheck(): void;
  /** Reloads settings (site switched, profile or tables changed), then re-checks. */
  reload(): Promise<void>;
  /**
   * The page moved to another address without loading (SPA): choices made for the old page
   * (panel payer profile, overridden errors, a held submit) do not carry over.
   */
  navigated(siteUrl: string): Promise<void>;
  status(): FrameStatus;
}

/** Page controls a badge or the panel must not cover, beyond the fields Charge Guard read. */
const CONTROL_SELECTOR =
  'button, input, select, textarea, a[href], [role="button"], [contenteditable="true"]';
const MAX_EXTRA_OBSTACLES = 400;
/**
 * While a page keeps re-rendering on its own (a live grid replaced every 200 ms), full re-reads
 * are spaced so they take at most this share of the time: 3%. The budget for such a page is a
 * frame-time ratio of 1.05 (design.md, "Budgets"), and the watcher's share of each re-render
 * comes on top; where the page's own re-renders leave little time for frames (the bench grid on
 * a 2-core machine), a few percent of CPU shows as several times that in frame time, so 3% does
 * not keep that page inside 1.05 in every run (README, "Performance"). Lower means a page's own
 * changes wait longer to be re-checked. The first change after typing or a quiet spell is read
 * at once, and typing is never held back.
 */
const REREAD_SHARE = 0.03;
/** The first reading of a page runs in slices this long (ms), well inside a 50 ms long task. */
const FIRST_READ_SLICE_MS = 12;

function settleDefaults(): FrameSettings {
  return { run: true, profileId: null, customProfiles: [], page: { taught: [] }, tables: undefined };
}

/**
 * One frame's Charge Guard: read → check → overlay, again on every page change, and the
 * submit guard. Every step fails open: an exception in the reader, the core or the overlay
 * removes the overlay (the page is as without the extension) and the next change retries.
 */
export async function startSession(
  env: {
    doc: Document;
    win: Window;
    signal: AbortSignal;
    siteUrl: string;
    /** Hostname for the override log (no path, no query: those can carry patient ids). */
    siteName: string;
    /** Tests look inside; otherwise open in the e2e build and closed in the release. */
    shadowMode?: ShadowRootMode;
    /**
     * False once the extension is gone (reloaded, updated, removed) under a live page: the
     * browser tells only when asked, so the session asks before it would hold a submit.
     */
    alive?: () => boolean;
  },
  ports: Ports,
): Promise<Session> {
  const { doc, win, signal } = env;
  let settings = settleDefaults();
  let reading: PageReading | null = null;
  /** The page watcher, once started (it is told which shadow roots the first reading walked). */
  let watch: PageWatch | undefined;
  let findings: Finding[] = [];
  let chosen: ChosenProfile | null = null;
  let panelProfile: string | null = null;
  let overlay: OverlayHandle | null = null;
  let overlayScope: AbortController | null = null;
  let held: HeldAction | null = null;
  /** Errors the user already submitted anyway: the same errors do not hold the next submit. */
  const overridden = new Set<string>();
  let pending = false;
  /** Page changes since the last check: fields edited in place, or something structural. */
  let structural = false;
  let edited = new Set<Node>();
  /** The pending changes include a person's keystroke, handed over in its own task: draw at once. */
  let typed = false;
  /** The page's controls for overlay placement, found once per full reading (not per keystroke). */
  let obstacles: Element[] | null = null;
  /** How long the last full reading took, when it ended, whether the page alone caused it, and a re-read put off. */
  let readCost = 0;
  /** A reading of the page while it is spread over tasks (see readInSlices). */
  let slicedRead: Generator<void, PageReading | null> | null = null;
  /** When the full reading being checked started (its cost runs to the end of its paint). */
  let readStart: number | null = null;
  let readByPage = false;
  let readEnd = Number.NEGATIVE_INFINITY;
  let deferred: number | null = null;
  const now = () => win.performance?.now() ?? Date.now();
  const cancelDeferred = () => {
    if (deferred !== null) win.clearTimeout(deferred);
    deferred = null;
  };
  signal.addEventListener('abort', cancelDeferred, { once: true });

  // Settings changes come in bursts (teaching two fields is two saves) and their loads can
  // finish out of order: only the latest load started may set what is in force.
  let settingsLoads = 0;
  /** Loads the settings; false when a later load started meanwhile (this one is not in force). */
  const loadSettings = async (): Promise<boolean> => {
    const load = ++settingsLoads;
    let next: FrameSettings;
    try {
      next = await ports.loadSettings(env.siteUrl);
    } catch {
      next = settleDefaults();
    }
    if (load !== settingsLoads) return false;
    settings = next;
    return true;
  };

  const drop = () => {
    held = null;
    slicedRead = null;
    // A check that ends without a reading (none, or it failed) hands over no shadow roots: the
    // watcher searches what the page added since, or a root added meanwhile would go unwatched.
    watch?.shadowRootsFound();
    if (E2E && reading) {
      try {
        ports.markForE2E(null, doc);
      } catch {
        // marks are a test aid only
      }
    }
    reading = null;
    findings = [];
    overlayScope?.abort();
    overlayScope = null;
    overlay = null;
  };

  const model = (r: PageReading): OverlayModel => ({
    findings,
    lineLabels: r.claim.lines.map((l) =>
      l.code == null || String(l.code).trim() === '' ? null : String(l.code).trim(),
    ),
    anchorFor: (f) => anchorFor(f, r.bindings),
    obstacles: () => {
      if (obstacles) return obstacles;
      const own = new Set<Element>([...r.bindings.map((b) => b.element), ...r.submitControls]);
      // Indexed, not Array.from: a big page has thousands of matches, each a new wrapper in this world.
      const extra = doc.querySelectorAll(CONTROL_SELECTOR);
      for (let i = 0; i < extra.length && i < MAX_EXTRA_OBSTACLES; i++) own.add(extra[i]!);
      obstacles = [...own];
      return obstacles;
    },
    profile: {
      id: chosen?.profile.id ?? 'medicare',
      from: chosen?.from ?? 'default',
      choices: profileChoices(settings.customProfiles),
    },
    guard: held ? { errors: openErrors(findings) } : null,
  });

  /**
   * `fresh`: a full reading (bindings may have changed), not an in-place update of the last one.
   * `when`: when the overlay measures and draws (DrawWhen: after the next layout by default).
   */
  const paint = (r: PageReading, fresh = true, when: DrawWhen = 'frame') => {
    maybeFault('overlay');
    if (!overlay) {
      overlayScope = new AbortController();
      signal.addEventListener('abort', () => overlayScope?.abort(), { once: true });
      overlay = mountOverlay(
        doc,
        actions,
        overlayScope.signal,
        env.shadowMode ? { mode: env.shadowMode } : {},
      );
    }
    if (E2E) {
      // An in-place update keeps every binding's role and line: the marks still hold.
      if (fresh) ports.markForE2E(r, doc);
      setData(overlay.host, 'cgClaim', JSON.stringify(r.claim));
      setData(
        overlay.host,
        'cgFindings',
        JSON.stringify(findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line }))),
      );
    }
    overlay.update(model(r), when);
  };

  /**
   * Checks the page again. After typing into fields already read (`inPlace`, from the watcher),
   * only those fields are re-read; anything else reads the whole page. `byUser`: a click in the
   * panel asked for it, and like a keystroke it is drawn at once (see `actions`).
   */
  const recheck = (inPlace = false, byUser = false) => {
    pending = false;
    readStart = null;
    const change = { structural, edited };
    const when: DrawWhen = typed || byUser ? 'now' : 'frame';
    structural = false;
    edited = new Set();
    typed = false;
    if (signal.aborted) return;
    if (!settings.run || (env.alive && !env.alive())) return drop();
    let next: PageReading | null;
    let fresh = true;
    try {
      const last = reading;
      const before = last?.claim;
      if (
        inPlace &&
        last &&
        !change.structural &&
        change.edited.size > 0 &&
        ports.updateReading(last, change.edited)
      ) {
        // Focus changes and re-renders that leave every value as it was: nothing to check.
        if (last.claim === before) return;
        next = last;
        fresh = false;
      } else {
        cancelDeferred(); // this reading covers whatever was put off
        slicedRead = null; // a full reading now makes a first read still in slices stale
        readStart = now();
        next = ports.readPage(doc, settings.page);
        readByPage = inPlace && change.structural && change.edited.size === 0;
      }
    } catch {
      return drop();
    }
    checkAndPaint(next, fresh, when);
  };

  /** After a reading (null: no charge line here): check it and show what the check found. */
  const checkAndPaint = (next: PageReading | null, fresh: boolean, when: DrawWhen = 'frame') => {
    if (!next) return drop();
    // The shadow roots this reading walked are the ones the watcher needs: no second search.
    if (fresh) watch?.shadowRootsFound(next.roots);
    reading = next;
    if (fresh) {
      obstacles = null;
      guard.watchForms(next.forms);
    }
    try {
      maybeFault('core');
      chosen = chooseProfile({
        panel: panelProfile,
        site: settings.profileId,
        pagePayer: next.claim.payer,
        custom: settings.customProfiles,
      });
      findings = ports.checkClaim(next.claim, {
        profile: chosen.profile,
        customProfiles: settings.customProfiles,
        tables: settings.tables,
      });
      // Everything fixed while a submit was held: nothing left to hold (the user submits again).
      if (held && openErrors(findings).length === 0) held = null;
      paint(next, fresh, when);
    } catch {
      return drop();
    } finally {
      // A re-read's whole cost (read, check, overlay) is what the spacing of re-reads keeps to REREAD_SHARE.
      if (readStart !== null) {
        readEnd = now();
        readCost = readEnd - readStart;
        readStart = null;
      }
    }
  };

  /**
   * Page changes arrive batched per animation frame by watchPage, a person's keystroke at the end
   * of its own input event; one re-check per batch, in a microtask of that callback (so the
   * warning shows in the frame that paints the typing).
   */
  const changed = (change?: PageChange) => {
    if (!change) structural = true;
    else {
      if (change.structural) structural = true;
      if (change.typed) typed = true;
      for (const node of change.edited) edited.add(node);
    }
    if (pending || slicedRead) return; // a first read in slices re-checks these when it ends
    if (structural && edited.size === 0 && readByPage) {
      const wait = readEnd + readCost / REREAD_SHARE - readCost - now();
      if (wait > 0) {
        deferred ??= win.setTimeout(() => {
          deferred = null;
          changed();
        }, wait);
        return;
      }
    }
    pending = true;
    queueMicrotask(() => {
      if (pending) recheck(true);
    });
  };

  const reveal = (f: Finding | undefined) => {
    const el = f && reading ? anchorFor(f, reading.bindings) : null;
    if (!(el instanceof HTMLElement)) return;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    el.focus({ preventScroll: true });
  };

  /**
   * What a person does in the panel (a fix, Review, Submit anyway, a profile) is answered in the
   * click's own task, geometry and all, as a keystroke is: the next frame shows it either way,
   * and the panel and the focus are settled before the click returns instead of after the
   * next layout.
   */
  const actions = {
    fix(f: Finding) {
      if (!f.fix || !reading) return;
      let applied = false;
      try {
        applied = ports.applyFix(f.fix, reading);
      } catch {
        // the field stays as it was; the finding stays too
      }
      recheck(false, true);
      // A fix the page would not take (read-only field, no box for it): take the user there.
      if (!applied) reveal(f);
    },
    reveal,
    setProfile(id: string) {
      panelProfile = id;
      recheck(false, true);
    },
    review() {
      held = null;
      recheck(false, true);
      reveal(openErrors(findings)[0]);
    },
    submitAnyway(reason: string) {
      const action = held;
      if (!action) return;
      held = null;
      const errors = openErrors(findings);
      for (const f of errors) overridden.add(findingKey(f));
      for (const rule of new Set(errors.map((f) => f.rule))) {
        ports.recordOverride({ rule, site: env.siteName, reason }).catch(() => {});
      }
      if (reading) paint(reading, true, 'now');
      guard.release(current(action));
    },
  };

  /** The held control may have been re-rendered meanwhile: use its successor. */
  const current = (action: HeldAction): HeldAction => {
    if (action.kind !== 'click' || action.control.isConnected) return action;
    const next = reading?.submitControls.find((c) => c instanceof HTMLElement);
    return next instanceof HTMLElement ? { kind: 'click', control: next } : action;
  };

  const guard = installSubmitGuard(
    win,
    {
      shouldHold() {
        // An extension that is gone must not hold the biller's submit with a dead panel.
        if (env.alive && !env.alive()) {
          drop();
          return false;
        }
        if (pending) recheck();
        return overlay !== null && openErrors(findings).some((f) => !overridden.has(findingKey(f)));
      },
      submitControls: () => reading?.submitControls ?? [],
      forms: () => reading?.forms ?? [],
      isOwnUi: (t) => overlay !== null && t === overlay.host,
      hold(action) {
        if (!reading || !overlay) return false;
        held = action;
        try {
          paint(reading, true, 'now'); // the person's submit is answered at once, as a click in the panel is
          return true;
        } catch {
          held = null;
          drop();
          return false;
        }
      },
    },
    signal,
  );

  /**
   * A reading of the whole page spread over tasks of at most FIRST_READ_SLICE_MS: the first one,
   * and the one after it when the page's structure changed while the first was read (an app
   * still rendering, a live grid). On a big page a reading is the extension's largest piece of
   * work, and in one piece it would be a long task the biller feels as a page that does not
   * answer. Typing meanwhile is re-checked when it ends; anything that reads the page in full
   * meanwhile (a fix, a settings change) makes it stale. After the second, structural changes
   * are spaced like any other the page makes on its own (REREAD_SHARE).
   */
  const readInSlices = (again = false) => {
    if (!ports.readPageSteps || !settings.run) return recheck();
    let steps: Generator<void, PageReading | null>;
    try {
      steps = ports.readPageSteps(doc, settings.page);
    } catch {
      return drop();
    }
    slicedRead = steps;
    /** The slices' own time: what this reading cost, for the spacing of re-reads after it. */
    let spent = 0;
    const slice = () => {
      if (signal.aborted || slicedRead !== steps) return;
      const start = now();
      const until = start + FIRST_READ_SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            spent += now() - start;
            // The check gets a task of its own, and the overlay's first paint, geometry and all,
            // the next one: drawn after the next layout instead, it would land in the frame that
            // paints the freshly loaded page, the longest of its life. The second reading comes
            // after that frame: it is drawn after a layout, like any re-read, where geometry costs
            // no layout of its own (in a task it forced layouts of the whole live grid: 208 ms of
            // getBoundingClientRect in three 3 s profiles of the bench grid).
            win.setTimeout(() => {
              if (signal.aborted || slicedRead !== steps) return;
              slicedRead = null;
              if (again) {
                readByPage = true;
                readStart = now() - spent; // checkAndPaint adds the check and the draw
              }
              checkAndPaint(step.value, true, again ? 'frame' : 'task');
              if (structural && !again) {
                structural = false;
                edited = new Set(); // the next reading reads these fields too
                return readInSlices(true);
              }
              if (structural || edited.size > 0) changed();
            }, 0);
            return;
          }
          if (now() >= until) break;
        }
      } catch {
        slicedRead = null;
        return drop();
      }
      spent += now() - start;
      win.setTimeout(slice, 0);
    };
    slice();
  };

  await loadSettings();
  if (signal.aborted) throw new Error('invalidated');
  watch = ports.watchPage(doc, settings.page, changed, signal, { scan: 'later' });
  ports.onSettingsChanged(() => void session.reload(), signal);
  readInSlices();

  const session: Session = {
    recheck: () => recheck(),
    async reload() {
      // Any tab's write reaches every frame: an override logged, another site taught, the
      // administrator's policy cached once per browser profile (the same empty policy the frame
      // started with). Only a change to this frame's settings is worth a full reading, in one
      // task (the first reading of the 20,000-element bench portal takes 70-150 ms in all).
      // Compared here, not on every load: start-up pays no stringify of imported edit tables.
      const before = JSON.stringify(settings);
      if ((await loadSettings()) && JSON.stringify(settings) !== before) recheck();
    },
    async navigated(siteUrl) {
      env.siteUrl = siteUrl;
      panelProfile = null;
      overridden.clear();
      held = null;
      await loadSettings();
      recheck();
    },
    status() {
      const active = reading !== null && overlay !== null;
      return {
        active,
        counts: countBySeverity(active ? findings : []),
        profileId: chosen?.profile.id ?? 'medicare',
        profileFrom: chosen?.from ?? 'default',
      };
    },
  };
  return session;
}

/** Attribute writes cost style work on big pages even when nothing changes: write only what differs. */
function setData(el: HTMLElement, key: 'cgClaim' | 'cgFindings', value: string): void {
  if (el.dataset[key] !== value) el.dataset[key] = value;
}
