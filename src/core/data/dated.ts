/**
 * Every fact the rules rest on carries where it comes from, how sure we are, and the dates it
 * is in force, so a claim is judged by the data in force on its date of service
 * (facts file: H = primary source or several agreeing, M = secondary, U = unverified; M-H and M-L
 * sit between). Same scale as codes.ts.
 */
export type Confidence = 'H' | 'M-H' | 'M' | 'M-L' | 'U';

export interface Sourced {
  /** A citation a biller can look up, e.g. "CMS Pub. 100-04, ch. 5, §20.2". */
  source: string;
  confidence: Confidence;
  /** First day in force (ISO date, inclusive). */
  validFrom: string;
  /** First day no longer in force (ISO date, exclusive); null while current. */
  validTo: string | null;
}

/** Far enough back that "always" facts are in force for any claim a portal still holds. */
export const SINCE_EVER = '1900-01-01';

/** ISO dates compare correctly as strings, which keeps this allocation-free on the hot path. */
export function inForce(entry: Pick<Sourced, 'validFrom' | 'validTo'>, dos: string): boolean {
  return dos >= entry.validFrom && (entry.validTo === null || dos < entry.validTo);
}
