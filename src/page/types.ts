import type { RawClaim } from '../core/claim';

/** What a page element holds, as far as Charge Guard is concerned (also the e2e `data-cg-role`). */
export const FIELD_ROLES = [
  'code',
  'modifier',
  'units',
  'minutes',
  'dx',
  'dx-pointer',
  'pos',
  'dos',
  'payer',
  'charge',
  'submit',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/**
 * A field mapping a user (or an administrator) taught by pointing at a page element.
 * Plain, serialisable data: stored in settings, never holds a value read from the page.
 */
export interface TaughtField {
  role: FieldRole;
  /** A CSS selector that finds the element from its root (document or frame). */
  selector: string;
  /** Service line index, when the selector names one line's field. */
  line?: number;
}
export interface TaughtMapping {
  /** Hostname the mapping belongs to, e.g. "portal.example-ehr.com". */
  host: string;
  /** Path pattern with `*` wildcards, e.g. "/charges/*". */
  pathPattern: string;
  fields: TaughtField[];
}

/** One page element bound to a claim field. */
export interface FieldBinding {
  role: FieldRole;
  element: Element;
  /** Service line index for line fields. */
  line?: number;
  /** For role 'dx': index into claim.diagnoses. For split boxes (four modifier boxes): box order. */
  slot?: number;
}

/** The result of reading one document (one frame): the claim plus where each value came from. */
export interface PageReading {
  claim: RawClaim;
  bindings: FieldBinding[];
  /** Controls that submit the charges (never decoys such as a search form's button). */
  submitControls: Element[];
  /** Forms that hold the charge fields (their submit event is guarded). */
  forms: HTMLFormElement[];
  /**
   * The document and every open shadow root the reading walked, when it walked them all: the
   * watcher observes these instead of searching the page for shadow roots a second time.
   */
  roots?: readonly (Document | ShadowRoot)[];
}

/**
 * What changed on the page since the watcher last called back. Typing into a field changes
 * that field only; anything that may add, remove or move fields is structural.
 */
export interface PageChange {
  /** Fields may have appeared, gone or moved, or the page navigated: read the whole page again. */
  structural: boolean;
  /** Elements (or text nodes, for read-only cells) whose value changed in place. */
  edited: ReadonlySet<Node>;
  /**
   * Handed over at the end of a person's input event, not in an animation frame: the overlay
   * may draw now (the frame after it then carries no extension script).
   */
  typed?: boolean;
}

/** What the content script passes the page layer: site settings, no patient data. */
export interface PageConfig {
  taught: TaughtMapping[];
}

/**
 * Attribute on the overlay's host element. The reader never walks into an element carrying
 * it, so Charge Guard's own UI (an open shadow root in the e2e build) is never read as a field.
 */
export const OVERLAY_HOST_ATTR = 'data-cg-overlay';
