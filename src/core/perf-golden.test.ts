/**
 * Pins checkClaim's exact output (every finding, every key, in order) on a large deterministic
 * corpus, so speed work on the core cannot change what it says. perf-golden.json holds a hash
 * per group plus a few findings in full to read. After a deliberate change in behaviour,
 * regenerate it: `GOLDEN_UPDATE=1 npx vitest run src/core/perf-golden.test.ts`, and say why
 * in the commit.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkClaim } from './check';
import type { Finding } from './finding';
import { benchCases, exampleCases, type GoldenCase, randomCases, ruleTableCases } from './perf-golden-corpus';

const SNAPSHOT = join(import.meta.dirname, 'perf-golden.json');
/** Generous: the corpus is large and the machine is shared with the whole team's test runs. */
const SLOW_MACHINE_MS = 120_000;

interface GroupDigest {
  cases: number;
  findings: number;
  sha256: string;
}

interface Golden {
  groups: Record<string, GroupDigest>;
  samples: Record<string, Finding[]>;
}

const GROUPS: Record<string, () => GoldenCase[]> = {
  bench: benchCases,
  examples: exampleCases,
  ruleTables: ruleTableCases,
  random: () => randomCases(4000, 20260322),
};

function run(cases: readonly GoldenCase[]): Finding[][] {
  return cases.map((c) => checkClaim(c.claim, c.options));
}

function digest(outputs: readonly Finding[][]): GroupDigest {
  const hash = createHash('sha256');
  let findings = 0;
  for (const out of outputs) {
    hash.update(JSON.stringify(out));
    hash.update('\n');
    findings += out.length;
  }
  return { cases: outputs.length, findings, sha256: hash.digest('hex') };
}

function current(): Golden {
  const groups: Record<string, GroupDigest> = {};
  const samples: Record<string, Finding[]> = {};
  for (const [name, build] of Object.entries(GROUPS)) {
    const outputs = run(build());
    groups[name] = digest(outputs);
    outputs.slice(0, 3).forEach((out, i) => {
      samples[`${name}[${i}]`] = out;
    });
  }
  return { groups, samples };
}

test('checkClaim says exactly what it said when the snapshot was taken', { timeout: SLOW_MACHINE_MS }, () => {
  const got = current();
  if (process.env.GOLDEN_UPDATE === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(got, null, 2)}\n`);
  const want = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Golden;
  // Readable samples first: a failure there shows which finding changed.
  expect(got.samples).toEqual(want.samples);
  expect(got.groups).toEqual(want.groups);
});

test('checking the corpus again, in reverse, says the same (no state leaks between claims)', {
  timeout: SLOW_MACHINE_MS,
}, () => {
  const cases = GROUPS.random!();
  const forward = run(cases);
  const backward = run(cases.slice().reverse()).reverse();
  expect(digest(backward)).toEqual(digest(forward));
});
