import type { FieldRole } from './types';

/**
 * Plain, serialisable records of what `collect` saw on a page. Qualification and grouping
 * work on these alone (no DOM), so they can be tested on hand-written data. Values read from
 * the page live here only for the length of one reading: never stored, logged or sent.
 */

export type FieldKind = 'input' | 'select' | 'textarea' | 'hidden' | 'editable' | 'text';

/** A role fixed by the user (taught) or a site adapter, before any heuristic runs. */
export interface AssignedRole {
  role: FieldRole;
  source: 'taught' | 'adapter';
  /** Service line index, when the mapping names one line. */
  line?: number;
}

export interface FieldRecord {
  /** Position in document order (open shadow roots walked in place); also the key of the element map. */
  index: number;
  kind: FieldKind;
  /** Lower-case `type` of an input ('' for anything else). */
  inputType: string;
  /** `.value` (the live property, not the attribute); text content for text cells and contenteditable. */
  value: string;
  /** A select's selected option text ('' otherwise). */
  optionText: string;
  /** A person can change it here (not read-only, not disabled, not a text cell). */
  editable: boolean;
  visible: boolean;
  /** `name` and `id` attributes, raw (tokenised by qualify). */
  name: string;
  id: string;
  /** Label texts from label[for], a wrapping label, aria-label, aria-labelledby, fieldset legend. */
  labels: string[];
  /** Placeholder and title. */
  hints: string[];
  /** Column header text (table thead/th row, role=columnheader, or a header row of plain divs). */
  header: string;
  /** Short text just before the field. */
  nearby: string;
  /** Words describing the containers around the field (ids, classes, captions, headings): decoy context. */
  context: string;
  /** ARIA role attribute of the field itself ('' if none). */
  ariaRole: string;
  /** Ids of ancestor elements, nearest first (shadow hosts included): grouping into lines. */
  ancestors: number[];
  /** Id of the nearest table row or role=row ancestor. */
  row: number | null;
  /** Index into the reading's forms, -1 when outside any form. */
  form: number;
  assigned?: AssignedRole;
}

/** A button-like control: candidate submit of the charge form. */
export interface ControlRecord {
  index: number;
  /** Visible text, value or aria-label. */
  text: string;
  /** 'submit' | 'button' | 'reset' ... as the browser sees it. */
  type: string;
  form: number;
  context: string;
  visible: boolean;
  /** A site adapter named this element as the submit control. */
  assigned: boolean;
}

export interface FormRecord {
  index: number;
  name: string;
  id: string;
  /** action/aria-label/role words: a role=search or login form is a decoy. */
  context: string;
}
