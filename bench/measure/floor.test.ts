import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { inertCopy } from './floor';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('the inert copy keeps the manifest and background and empties every declared content script', () => {
  const ext = mkdtempSync(join(tmpdir(), 'cg-floor-test-'));
  made.push(ext);
  mkdirSync(join(ext, 'content-scripts'));
  const manifest = {
    manifest_version: 3,
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/portal.js'] }],
  };
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(ext, 'background.js'), 'self.worker = 1;');
  writeFileSync(join(ext, 'content-scripts/portal.js'), 'document.body.dataset.ran = "1";');

  const inert = inertCopy(ext);
  made.push(inert.dir);
  expect(inert.scripts).toEqual(['content-scripts/portal.js']);
  expect(JSON.parse(readFileSync(join(inert.dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
  expect(readFileSync(join(inert.dir, 'background.js'), 'utf8')).toBe('self.worker = 1;');
  expect(readFileSync(join(inert.dir, 'content-scripts/portal.js'), 'utf8')).not.toContain('dataset');
  // The original build is untouched.
  expect(readFileSync(join(ext, 'content-scripts/portal.js'), 'utf8')).toContain('dataset');
  inert.dispose();
  expect(existsSync(inert.dir)).toBe(false);
});
