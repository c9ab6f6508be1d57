import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/support/server';
import { gridPage } from './grid';
import { portalPage } from './portal';

/** Generated pages, committed under test/fixtures/bench/ so other tests can load them too. */
export const BENCH_FIXTURES: Record<string, () => string> = {
  'portal-20k.html': () => portalPage(),
  'grid-200ms.html': gridPage,
};

export const BENCH_FIXTURE_DIR = join(REPO_ROOT, 'test/fixtures/bench');

/** Regenerates the pages (deterministic), touching a file only when its content changed. Returns the changed names. */
export function writeBenchFixtures(): string[] {
  mkdirSync(BENCH_FIXTURE_DIR, { recursive: true });
  const changed: string[] = [];
  for (const [name, generate] of Object.entries(BENCH_FIXTURES)) {
    const file = join(BENCH_FIXTURE_DIR, name);
    const html = generate();
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // not generated yet
    }
    if (current !== html) {
      writeFileSync(file, html);
      changed.push(name);
    }
  }
  return changed;
}
