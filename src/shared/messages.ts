import type { Severity } from '../core/finding';

/**
 * Messages between extension parts. They carry counts, ids and settings, never a value read
 * from a page (privacy: no patient data in messages).
 */
export type Message =
  /** popup → content script (each frame answers for itself): what did you find here? */
  | { type: 'cg/status' }
  /** any → content script: settings changed, re-read and re-check. */
  | { type: 'cg/refresh' };

export interface FrameStatus {
  /** Charge fields were found in this frame. */
  active: boolean;
  counts: Record<Severity, number>;
  profileId: string;
  /** How the profile was chosen: the site setting, a payer field on the page, or the default. */
  profileFrom: 'site' | 'page' | 'panel' | 'default';
}
