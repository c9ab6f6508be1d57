import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { takeHandoff } from './handoff';
import { runChargeGuard } from './run';

/**
 * The checker's start, injected by the background into a frame whose gate asked for it. It
 * runs once per frame, under the content script's context (so an extension update stops it
 * the same way); injected without a gate (never expected), it makes a context of its own.
 */
export function startChecker(): void {
  const handoff = takeHandoff();
  if (handoff?.checkerStarted) return;
  if (handoff) handoff.checkerStarted = true;
  const ctx = handoff?.ctx ?? new ContentScriptContext('portal', { noScriptStartedPostMessage: true });
  // The session starts in a task of its own: compiling and running this script is one task
  // already (28-45 ms for its 187 KB in traced loads here), and the two together made a long task (> 50 ms) on
  // a slow minute. The context's timer does not fire once an extension update has stopped it.
  ctx.setTimeout(() => runChargeGuard(ctx), 0);
}
