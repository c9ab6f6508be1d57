// Charge Guard bench: instruments a page in its main world before any page script runs
// (Playwright addInitScript). Plain ES2020 so it can be injected as text. Records only
// timings and the e2e hook attribute `data-cg-findings` (rule ids, severities, line indexes),
// never a field value.
(() => {
  if (window.top !== window || window.__cgBench) return;
  const HOOK = 'data-cg-findings';
  const bench = {
    loadEnd: 0,
    loadPaint: 0,
    lastMutation: 0,
    settledAt: 0,
    longTasks: [],
    keys: [],
    findings: [],
    typing: false,
  };
  window.__cgBench = bench;

  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the trace-based count still works
  }

  // Load to idle: every DOM change after the load event (any world's, the extension's
  // included) moves "settled" to the first painted frame after it.
  let settlePending = false;
  const loadObserver = new MutationObserver(() => {
    bench.lastMutation = performance.now();
    if (settlePending) return;
    settlePending = true;
    afterPaint((t) => {
      settlePending = false;
      bench.settledAt = t;
    });
  });
  window.addEventListener(
    'load',
    () => {
      loadObserver.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      setTimeout(() => {
        bench.loadEnd = performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? performance.now();
        afterPaint((t) => {
          bench.loadPaint = t;
        });
      }, 0);
    },
    { capture: true, once: true },
  );

  const host = () => document.querySelector(`[${HOOK}]`);
  /** The overlay host of any build (the release build has no findings hook, but has this marker). */
  const anyHost = () => document.querySelector('[data-cg-overlay]');

  /** Resolves once the load has painted, the DOM has been quiet for `quietMs`, and (if asked) the overlay host exists. */
  bench.whenIdle = (quietMs, hostWaitMs) =>
    new Promise((resolve) => {
      const check = () => {
        const now = performance.now();
        const loaded = bench.loadPaint > 0;
        const quiet = now - Math.max(bench.lastMutation, bench.loadPaint) >= quietMs;
        const hostSeen = anyHost() !== null;
        const hostGaveUp = !hostWaitMs || now - bench.loadPaint >= hostWaitMs;
        if (loaded && quiet && (hostSeen || hostGaveUp) && !settlePending) {
          loadObserver.disconnect();
          resolve({
            loadEnd: bench.loadEnd,
            idleAt: Math.max(bench.loadPaint, bench.settledAt),
            hostSeen,
            longTasks: bench.longTasks.length,
          });
        } else setTimeout(check, 10);
      };
      check();
    });

  // Input to warning. A ResizeObserver fires after style and layout, just before paint, in
  // every frame the rAF loop below produces; a change to the hook attribute is "shown" in the
  // first frame whose layout runs after it (the same frame when the extension updates inside
  // requestAnimationFrame, the next one when it updates in a plain task).
  let waiting = [];
  // The sentinel is part of the page from DOMContentLoaded on, in both browsers, before any
  // content script runs (document_idle), so inserting it is never a change the extension sees
  // while typing is timed; only its inline style changes then.
  let sentinel = null;
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      sentinel = document.createElement('div');
      sentinel.setAttribute('aria-hidden', 'true');
      sentinel.style.cssText = 'position:fixed;left:-4px;top:0;width:1px;height:1px;pointer-events:none';
      document.documentElement.appendChild(sentinel);
    },
    { capture: true, once: true },
  );
  let frameLoop = 0;
  /** Frames laid out since typing started (the budget's unit: "within one animation frame"). */
  let frameCount = 0;
  const resizeObserver = new ResizeObserver(() => {
    const t = performance.now();
    frameCount++;
    for (const entry of waiting) {
      entry.shownAt = t;
      entry.shownFrame = frameCount;
    }
    waiting = [];
  });
  const findingsObserver = new MutationObserver(() => {
    const entry = { t: performance.now(), value: host()?.getAttribute(HOOK) ?? null, shownAt: 0 };
    bench.findings.push(entry);
    waiting.push(entry);
  });

  /**
   * Starts the frame loop and echo timing; true when the findings hook is there too (the e2e
   * build), so warnings can be timed as well. Without it (no extension), only the page's own
   * echo of each keystroke is timed: the floor any warning shown in the same frame can reach.
   */
  bench.startTyping = () => {
    if (!sentinel) return false;
    const el = host();
    if (el) findingsObserver.observe(el, { attributes: true, attributeFilter: [HOOK] });
    resizeObserver.observe(sentinel);
    let wide = false;
    const frame = () => {
      wide = !wide;
      sentinel.style.width = wide ? '2px' : '1px';
      frameLoop = requestAnimationFrame(frame);
    };
    frameLoop = requestAnimationFrame(frame);
    bench.typing = true;
    return el !== null;
  };

  bench.stopTyping = () => {
    bench.typing = false;
    cancelAnimationFrame(frameLoop);
    findingsObserver.disconnect();
    resizeObserver.disconnect();
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (!bench.typing) return;
      bench.keys.push({
        t: event.timeStamp,
        // When the page saw the keystroke (this listener runs first): the timeStamp is when the
        // browser made the event, before the input queue that lies between it and the page.
        dispatched: performance.now(),
        frame: frameCount,
        value: host()?.getAttribute(HOOK) ?? null,
        logIndex: bench.findings.length,
        echo: null,
      });
    },
    true,
  );
  // The page's own echo of a keystroke: the field's new value is laid out (and painted) in the
  // first frame after the input event, with or without any extension.
  window.addEventListener(
    'input',
    () => {
      const key = bench.keys[bench.keys.length - 1];
      if (!bench.typing || !key || key.echo) return;
      key.echo = { t: performance.now(), shownAt: 0, shownFrame: 0 };
      waiting.push(key.echo);
    },
    true,
  );

  /**
   * Waits for keystroke `index` to be echoed and (with `findings`) to change the findings, and
   * for the frames that show them.
   */
  bench.awaitKey = (index, timeoutMs, findings = true) =>
    new Promise((resolve) => {
      const started = performance.now();
      const check = () => {
        const key = bench.keys[index];
        if (key?.echo?.shownAt) {
          const echo = {
            echo: key.echo.shownAt,
            echoFrames: key.echo.shownFrame - key.frame,
            dispatched: key.dispatched,
          };
          if (!findings) {
            resolve({ key: key.t, changed: 0, shown: 0, frames: 0, ...echo });
            return;
          }
          const entry = bench.findings.slice(key.logIndex).find((e) => e.value !== key.value);
          if (entry?.shownAt) {
            resolve({
              key: key.t,
              changed: entry.t,
              shown: entry.shownAt,
              frames: entry.shownFrame - key.frame,
              ...echo,
            });
            return;
          }
        }
        if (performance.now() - started > timeoutMs) resolve(null);
        else setTimeout(check, 2);
      };
      check();
    });

  /** Mean interval between animation frames over `durationMs`. */
  bench.frameTimes = (durationMs) =>
    new Promise((resolve) => {
      const stamps = [];
      const frame = (t) => {
        stamps.push(t);
        if (t - stamps[0] < durationMs) requestAnimationFrame(frame);
        else {
          const intervals = stamps.slice(1).map((s, i) => s - stamps[i]);
          const sum = intervals.reduce((a, b) => a + b, 0);
          resolve({
            frames: intervals.length,
            meanMs: sum / intervals.length,
            maxMs: Math.max(...intervals),
          });
        }
      };
      requestAnimationFrame(frame);
    });
})();
