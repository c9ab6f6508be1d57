import type { CheckOptions } from '../../../../src/core/check';
import type { Fix, RuleId, Severity } from '../../../../src/core/finding';

/** A finding a case expects; unset keys are not compared. `fix: null` means "no automatic fix". */
export interface Expected {
  rule: RuleId;
  line?: number;
  diagnosis?: number;
  severity?: Severity;
  fix?: Fix | null;
}

/**
 * One row of a rule table. The meta-test reads these tables to prove every catalog id has a
 * case where it fires and one where it stays quiet, so the coverage cannot drift from the tests.
 */
export interface RuleCase {
  name: string;
  claim: unknown;
  options?: CheckOptions;
  fires?: Expected[];
  quiet?: RuleId[];
}
