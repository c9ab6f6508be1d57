import type { FrameStatus } from '../shared/messages';

/** How long an empty top frame lets frames with charge fields answer the popup first. */
export const INACTIVE_ANSWER_DELAY_MS = 150;

const NOTHING_HERE: FrameStatus = {
  active: false,
  counts: { error: 0, warning: 0, info: 0 },
  profileId: 'medicare',
  profileFrom: 'default',
};

/**
 * A frame's answer to the popup's "what did you find here?". Every frame hears the question
 * and the first answer wins: a frame with charge fields answers at once; the top frame, when it
 * has none, answers "nothing here" only after a grace period, so a fee sheet two iframes down
 * is not hidden by an empty top page; other empty frames stay silent.
 */
export function answerStatus(status: FrameStatus | null, isTop: boolean): Promise<FrameStatus> | undefined {
  if (status?.active) return Promise.resolve(status);
  if (!isTop) return undefined;
  const inactive = status ?? NOTHING_HERE;
  return new Promise((answer) => setTimeout(() => answer(inactive), INACTIVE_ANSWER_DELAY_MS));
}
