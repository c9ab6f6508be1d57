import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * What the content script (the gate, `detector.ts`) leaves for the checker it asks the
 * background to inject into the same frame. Both run in the extension's isolated world of that
 * frame, so this global is theirs alone: the page's scripts cannot see or change it.
 */
export interface Handoff {
  /** The content script's context: the checker stops when it is invalidated (extension update, reload). */
  ctx: ContentScriptContext;
  /** Set by the checker when it starts, so it starts once and the gate stops answering for the frame. */
  checkerStarted: boolean;
}

const KEY = '__chargeGuardHandoff';

export function leaveHandoff(ctx: ContentScriptContext): Handoff {
  const handoff: Handoff = { ctx, checkerStarted: false };
  (globalThis as Record<string, unknown>)[KEY] = handoff;
  return handoff;
}

export function takeHandoff(): Handoff | null {
  const found = (globalThis as Record<string, unknown>)[KEY];
  return typeof found === 'object' && found !== null && 'ctx' in found ? (found as Handoff) : null;
}
