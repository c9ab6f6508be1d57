import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The floor under `loadRatio`: the same extension (manifest, background, permissions) with every
 * declared content script replaced by one that does nothing. Loading the portal with it and
 * without any extension gives what a content script costs this page on this machine before it
 * runs a line of its own; `loadRatio` above that floor is Charge Guard's own work (the gate, the
 * checker, the reading, the overlay).
 */
export function inertCopy(extensionDir: string): { dir: string; scripts: string[]; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-inert-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const scripts = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  for (const script of scripts)
    writeFileSync(join(dir, script), '// Charge Guard bench: a content script that does nothing.\n');
  return { dir, scripts, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
