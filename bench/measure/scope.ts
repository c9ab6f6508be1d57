import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * With and without the extension in one browser: a copy of a build whose content scripts and
 * host access cover one host only, so the same page served from the fixture server's other
 * origin (localhost) loads in the same browser without a line of ours. Two browsers differ
 * by themselves: here two browsers with no extension at all put a load ratio of 1.064 between
 * them (A/A, 30 pairs), and the inert-extension floor measured that way ranged 1.01-1.20 over
 * one day; one browser loading 127.0.0.1 over localhost, no extension, gave 1.010.
 */
export const WITH_HOST = '127.0.0.1';

interface Manifest {
  content_scripts?: { matches?: string[] }[];
  host_permissions?: string[];
}

/** The match patterns of `patterns` whose host is `host` (`http://127.0.0.1/*`). */
function onHost(patterns: string[] | undefined, host: string): string[] {
  return (patterns ?? []).filter((p) => {
    const m = /^[a-z*]+:\/\/([^/]+)\//.exec(p);
    return m?.[1] === host;
  });
}

/**
 * Rewrites the manifest in `dir` so that every declared content script and the granted host
 * access match `host` alone. Throws when no content script would run there: the "with" side
 * would then measure nothing.
 */
export function scopeInPlace(dir: string, host = WITH_HOST): void {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const scripts = manifest.content_scripts ?? [];
  for (const entry of scripts) entry.matches = onHost(entry.matches, host);
  manifest.content_scripts = scripts.filter((entry) => entry.matches!.length > 0);
  if (manifest.content_scripts.length === 0)
    throw new Error(`${dir}: no declared content script matches ${host}; build the e2e or release-test mode`);
  if (manifest.host_permissions) manifest.host_permissions = onHost(manifest.host_permissions, host);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** A scratch copy of the build at `extensionDir`, scoped to `host` (the original is untouched). */
export function scopedCopy(extensionDir: string, host = WITH_HOST): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-scoped-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(extensionDir, dir, { recursive: true });
    scopeInPlace(dir, host);
  } catch (error) {
    dispose();
    throw error;
  }
  return { dir, dispose };
}
