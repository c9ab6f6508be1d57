export type UnitMethod = 'cms' | 'ama';

/** One code of a treatment day. `units` is read only for untimed codes (they bill their own). */
export interface UnitsEntry {
  code: string;
  minutes: number | string;
  units?: number;
}

export interface UnitsLine {
  code: string;
  minutes: number;
  units: number;
  timed: boolean;
  /** Plain words: how this line got its units. */
  why: string;
}

export interface UnitsTie {
  /** Codes with equal leftover minutes competing for the same remaining unit(s). */
  codes: string[];
  /** How many of the remaining units go to these codes between them. */
  units: number;
}

export interface UnitsResult {
  method: UnitMethod;
  totalTimedMinutes: number;
  totalUnits: number;
  lines: UnitsLine[];
  /** Leftover units the clinician may place on any of the tied codes (never resolved silently). */
  ties: UnitsTie[];
  /** The working, in plain language, that a therapist could defend in an audit. */
  notes: string[];
}
