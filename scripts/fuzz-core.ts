/**
 * The million-run fuzz of the rule core (issue 6): `npm run fuzz [-- --runs N --seed S]`.
 * Feeds checkClaim claim-shaped junk, arbitrary values and hostile options; exits non-zero on
 * the first run where it throws, hides an internal exception, or returns a malformed finding,
 * printing the shrunk counterexample and the seed to replay it. The CI runs the same property
 * 10,000 times (test/unit/robust/core-never-throws.test.ts).
 */
import fc from 'fast-check';
import { coreProperty, internalProblemShape } from '../test/unit/robust/core-fuzz';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const runs = Number(option('runs') ?? 1_000_000);
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S]');
  process.exit(2);
}

const started = performance.now();
const result = fc.check(coreProperty(internalProblemShape()), { numRuns: runs, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (result.failed) {
  console.error(
    `FAILED after ${result.numRuns} runs in ${seconds} s (seed ${seed}, path ${result.counterexamplePath})`,
  );
  console.error(`counterexample: ${fc.stringify(result.counterexample)}`);
  console.error(
    String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance),
  );
  process.exit(1);
}
console.log(`ok: ${result.numRuns} runs in ${seconds} s (seed ${seed}), checkClaim never threw`);
