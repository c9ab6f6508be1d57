import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rulesTable } from '../../scripts/rules-table';
import { REPO_ROOT } from '../support/server';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

test('the README rules table is the one the rule registry generates', () => {
  const between = readme.split('<!-- rules-table:start -->')[1]?.split('<!-- rules-table:end -->')[0];
  expect(between?.trim()).toBe(rulesTable().trim());
});

test('the README opens with the two fresh-machine commands, and CI runs the test one', () => {
  const firstBlock = readme.split('```sh')[1]?.split('```')[0] ?? '';
  expect(firstBlock).toMatch(/npm ci && npm run demo/);
  expect(firstBlock).toMatch(/npm ci && npm test/);
  expect(readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
});

test('every example claim the README walks through exists', () => {
  const cli = readme.split('## Command line')[1]?.split('\n## ')[0] ?? '';
  const named = cli.match(/`[\w-]+\.json`/g) ?? [];
  expect(named.length).toBeGreaterThan(3);
  for (const name of named) {
    expect(() => readFileSync(join(REPO_ROOT, 'examples/claims', name.slice(1, -1)))).not.toThrow();
  }
});

/** "`file` › "title", "title"" citations in a document, whitespace folded (titles wrap in Markdown). */
function citedTests(markdown: string): { file: string; title: string }[] {
  const text = markdown.replace(/\s+/g, ' ');
  const cited: { file: string; title: string }[] = [];
  for (const m of text.matchAll(/`([\w./-]+\.ts)` › ((?:"[^"]+"(?:, )?)+)/g)) {
    for (const t of m[2]!.matchAll(/"([^"]+)"/g)) cited.push({ file: m[1]!, title: t[1]! });
  }
  return cited;
}

test.each([
  ['README.md', readme],
  ['SECURITY.md', readFileSync(join(REPO_ROOT, 'SECURITY.md'), 'utf8')],
])('every test that %s cites as proof exists under that name', (_doc, markdown) => {
  const cited = citedTests(markdown);
  expect(cited.length).toBeGreaterThan(5);
  for (const { file, title } of cited) {
    const source = readFileSync(join(REPO_ROOT, file), 'utf8').replace(/\s+/g, ' ');
    // A title may be built from a test.each row ("fault in reader core overlay: ..."): accept
    // it when every word of the cited title appears in the file.
    const words = title.split(/\W+/).filter((w) => w.length > 2);
    const missing = words.filter((w) => !source.includes(w));
    expect({ file, title, missing }).toEqual({ file, title, missing: [] });
  }
});
