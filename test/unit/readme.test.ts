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
  for (const name of readme.match(/`[\w-]+\.json`/g) ?? []) {
    const file = name.slice(1, -1);
    if (file.endsWith('.expected.json') || file === 'managed-schema.json') continue;
    expect(() => readFileSync(join(REPO_ROOT, 'examples/claims', file))).not.toThrow();
  }
});
