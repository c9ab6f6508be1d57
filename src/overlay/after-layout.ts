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
 * comes first runs the task.
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
    run();
  });

  const stop = () => {
    pending = false;
    observer?.unobserve(probe);
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };
  const run = () => {
    if (!pending) return;
    stop();
    task();
  };

  return {
    request() {
      if (pending) return;
      pending = true;
      observer?.observe(probe);
      if (!proven) frame = win.requestAnimationFrame(run);
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
