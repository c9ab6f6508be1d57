import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CoreResult {
  claimsPerSec: number;
  /** With the core's own bench: the median and the slowest of its timed windows (claimsPerSec is the best). */
  medianClaimsPerSec?: number;
  worstClaimsPerSec?: number;
  windows?: number;
  /** Claims per second of CPU this process actually got, when the core's own bench reports it (fairer on a shared machine). */
  claimsPerCpuSec?: number;
  /** The machine's own speed in the same run: JSON.stringify of the same claims per CPU-second (bench/core.ts). */
  machineStringifyPerCpuSec?: number;
  /** Which code measured it. */
  via: string;
}

/** Twelve-line claims (four PT visits of three timed codes), varied so no single shape is all the JIT sees. */
export function twelveLineClaims(count: number): unknown[] {
  const codes = ['97110', '97140', '97530', '97112', '97116', '97535'];
  return Array.from({ length: count }, (_, c) => ({
    payer: ['medicare', 'commercial', 'medicaid', 'medicare-advantage'][c % 4],
    dateOfService: '2026-03-04',
    placeOfService: c % 5 === 0 ? '10' : '11',
    discipline: 'PT',
    renderedBy: c % 3 === 0 ? 'assistant' : 'therapist',
    ytdTherapyCharges: { PT_SLP: 1800 + c * 40, OT: 0 },
    diagnoses: ['M17.11', c % 7 === 0 ? 'R69' : 'R26.89', 'Z96.651'],
    lines: Array.from({ length: 12 }, (_, i) => ({
      code: codes[(i + c) % codes.length],
      modifiers: i % 4 === 0 ? [] : ['GP', ...(c % 3 === 0 ? ['CQ'] : [])],
      units: 1 + ((i + c) % 3),
      minutes: 10 + ((i * 7 + c) % 30),
      dxPointers: ['A', 'B'],
      charge: 64.04,
      dateOfService: `2026-03-0${2 + (i >> 2)}`,
    })),
  }));
}

interface BenchCoreResult {
  claimsPerSec: number;
  medianClaimsPerSec?: number;
  worstClaimsPerSec?: number;
  windows?: number;
  claimsPerCpuSec?: number;
}

/** Calls bench/core.ts `benchCore()` (the core's own benchmark) when it exists, else times `checkClaim` here. */
export async function measureCore(root: string, seconds: number): Promise<CoreResult> {
  const own = join(root, 'bench/core.ts');
  if (existsSync(own)) {
    const mod = (await import(pathToFileURL(own).href)) as {
      benchCore?: (options?: { seconds?: number }) => BenchCoreResult | Promise<BenchCoreResult>;
      stringifyPerCpuSec?: (seconds?: number) => number;
    };
    if (typeof mod.benchCore === 'function') {
      const result = await mod.benchCore({ seconds });
      const machine = mod.stringifyPerCpuSec?.(Math.min(1, seconds));
      return {
        ...result,
        ...(machine !== undefined && { machineStringifyPerCpuSec: machine }),
        via: 'bench/core.ts benchCore()',
      };
    }
  }
  const index = join(root, 'src/core/index.ts');
  if (!existsSync(index))
    return { claimsPerSec: Number.NaN, via: 'not measurable: no bench/core.ts and no src/core/index.ts' };
  const core = (await import(pathToFileURL(index).href)) as {
    checkClaim: (input: unknown) => unknown[];
  };
  const claims = twelveLineClaims(64);
  for (let i = 0; i < 2_000; i++) core.checkClaim(claims[i % claims.length]); // warm the JIT
  let checked = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) core.checkClaim(claims[(checked + i) % claims.length]);
    checked += 100;
  }
  return {
    claimsPerSec: checked / ((performance.now() - start) / 1000),
    via: 'checkClaim() timed in bench/measure/core-throughput.ts',
  };
}
