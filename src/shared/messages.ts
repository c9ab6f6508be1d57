import type { Severity } from '../core/finding';

/**
 * Messages between extension parts. They carry counts, ids and settings, never a value read
 * from a page (privacy: no patient data in messages).
 */
export type Message =
  /** popup → content script (each frame answers for itself): what did you find here? */
  | { type: 'cg/status' }
  /** any → content script: settings changed, re-read and re-check. */
  | { type: 'cg/refresh' }
  /**
   * content script → background: this frame may hold charge fields, inject the checker into it
   * (the background takes the tab and frame from the sender; the message carries nothing else).
   */
  | { type: 'cg/load-checker' };

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

export interface FrameStatus {
  /** Charge fields were found in this frame. */
  active: boolean;
  counts: Record<Severity, number>;
  profileId: string;
  /** How the profile was chosen: the site setting, a payer field on the page, or the default. */
  profileFrom: 'site' | 'page' | 'panel' | 'default';
}
