import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { scopedCopy } from './scope';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-scope-test-'));
  made.push(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), 'self.worker = 1;');
  return dir;
}

const E2E_MANIFEST = {
  manifest_version: 3,
  permissions: ['storage', 'scripting'],
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  content_scripts: [
    {
      matches: ['http://127.0.0.1/*', 'http://localhost/*'],
      js: ['content-scripts/portal.js'],
      all_frames: true,
    },
  ],
};

test('the scoped copy runs its content scripts and has host access on 127.0.0.1 alone, the rest as built', () => {
  const ext = build(E2E_MANIFEST);
  const scoped = scopedCopy(ext);
  made.push(scoped.dir);
  const manifest = JSON.parse(readFileSync(join(scoped.dir, 'manifest.json'), 'utf8'));
  expect(manifest.content_scripts).toEqual([
    { matches: ['http://127.0.0.1/*'], js: ['content-scripts/portal.js'], all_frames: true },
  ]);
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
  // Optional permissions are not granted, so they open nothing on localhost: kept as built.
  expect(manifest.optional_host_permissions).toEqual(E2E_MANIFEST.optional_host_permissions);
  expect(manifest.permissions).toEqual(E2E_MANIFEST.permissions);
  expect(readFileSync(join(scoped.dir, 'background.js'), 'utf8')).toBe('self.worker = 1;');
  // The original build is untouched.
  expect(JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'))).toEqual(E2E_MANIFEST);
  scoped.dispose();
  expect(existsSync(scoped.dir)).toBe(false);
});

test('a build with no content script on 127.0.0.1 (the plain release build) is refused, not measured as "with"', () => {
  const release = build({ ...E2E_MANIFEST, host_permissions: [], content_scripts: undefined });
  expect(() => scopedCopy(release)).toThrow(/no declared content script matches 127\.0\.0\.1/);
  const elsewhere = build({
    ...E2E_MANIFEST,
    content_scripts: [{ matches: ['http://localhost/*'], js: ['content-scripts/portal.js'] }],
  });
  expect(() => scopedCopy(elsewhere)).toThrow(/no declared content script matches/);
});
