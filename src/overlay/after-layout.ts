/**
 * Runs a task once per request, after the browser has laid out the coming frame and before it
 * paints it. A ResizeObserver delivers exactly there: geometry read then costs no forced
 * layout, and whatever the task draws is painted in that same frame. A requestAnimationFrame
 * asked for from inside a frame callback (where the page watcher runs its check) would only run
 * in the next frame, which paints the page a second time per keystroke.
 *
 * A ResizeObserver reports an element's size when observing starts, so observing a 1px probe
 * is a request for one delivery. Until a delivery has proved that observers work here (a DOM
 * without layout, as in unit tests, never delivers), an animation frame stands in: whichever
 * comes first runs the task. The frame comes first in its own frame (callbacks run before
 * layout), so after it has run the task the probe stays observed for that frame's delivery: if
 * it comes, observers work and later requests wait for them alone. Unobserved at once, a request
 * made in a plain task (a re-read on a timer, the first draw) would never let the observer prove
 * itself, and every draw would read geometry before layout, forcing the page's layout inside the
 * extension's callback (one such draw took 96 ms on the live grid bench page).
 *
 * The proof is asked for when the overlay is made, not at its first request: the first draw is
 * measured in a plain task (it cancels any request), so a proof left to the first request came
 * only with the second draw, which then read geometry before layout in the stand-in frame. On
 * the live grid that was one forced layout of the whole grid per page load, in the seconds the
 * bench measures. A cancel leaves that first observation alone.
 */
export interface AfterLayout {
  request(): void;
  cancel(): void;
  /** Whether a delivery after layout has been seen, so a request is sure to run in the coming frame. */
  readonly proven: boolean;
}

export function afterLayout(win: Window, probe: Element, task: () => void): AfterLayout {
  let pending = false;
  let proven = false;
  let frame = 0;
  const observer = observerIn(win, () => {
    proven = true;
    if (pending) run();
    else observer?.unobserve(probe); // nothing asked for yet, or the frame ran the task already
  });
  observer?.observe(probe); // the proof, due after the first layout

  const stop = () => {
    pending = false;
    if (proven) observer?.unobserve(probe); // before the proof, the probe stays observed for it
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };
  const run = () => {
    if (!pending) return;
    stop();
    task();
  };
  /** The stand-in frame: runs the task, and leaves the probe observed for the delivery that may follow. */
  const inFrame = () => {
    frame = 0;
    if (!pending) return;
    pending = false;
    task();
  };

  return {
    request() {
      if (pending) return;
      pending = true;
      observer?.observe(probe);
      if (!proven) frame = win.requestAnimationFrame(inFrame);
    },
    cancel: stop,
    get proven() {
      return proven;
    },
  };
}

/** The page window's ResizeObserver, or null where there is none or it may not be built (the frame stands in). */
function observerIn(win: Window, callback: () => void): ResizeObserver | null {
  try {
    const Observer = (win as Window & typeof globalThis).ResizeObserver;
    return Observer ? new Observer(callback) : null;
  } catch {
    return null;
  }
}
