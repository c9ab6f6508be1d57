import type { Finding } from '../core/finding';
import type { FrameStatus } from '../shared/messages';

export type ProfileSource = FrameStatus['profileFrom'];

export interface ProfileChoice {
  id: string;
  name: string;
}

/** Everything the overlay shows, handed over by the content script after each check. */
export interface OverlayModel {
  findings: Finding[];
  /** Procedure code per service line as read, for the panel's group titles ("Line 2 · 97530"). */
  lineLabels: (string | null)[];
  /** The page element a finding is about (its badge goes there), or null for the panel only. */
  anchorFor(finding: Finding): Element | null;
  /** The page's own controls: badges and the panel must not cover them (asked for at layout time only). */
  obstacles(): Element[];
  profile: { id: string; from: ProfileSource; choices: ProfileChoice[] };
  /** Set while a submit is held because of open errors. */
  guard: { errors: Finding[] } | null;
}

/** What the overlay asks the content script to do. */
export interface OverlayActions {
  fix(finding: Finding): void;
  /** Scroll to and focus the field a finding is about. */
  reveal(finding: Finding): void;
  setProfile(id: string): void;
  /** Guard: drop the held submit and go to the first error. */
  review(): void;
  /** Guard: release the held submit once; only ever called from a trusted click. */
  submitAnyway(reason: string): void;
}
