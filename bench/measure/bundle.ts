import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

function sizeOf(path: string, file: string): FileSize {
  const bytes = readFileSync(path);
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** The release build's largest content script, gzip -9 (what the 25 KB budget is about). */
export function contentScriptGzip(releaseDir: string): FileSize {
  const dir = join(releaseDir, 'content-scripts');
  const sizes = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => sizeOf(join(dir, file), file))
    .sort((a, b) => b.rawBytes - a.rawBytes);
  if (!sizes[0]) throw new Error(`no content script in ${dir}: build the release first (npx wxt build)`);
  return sizes[0];
}

/**
 * The checker the background injects into frames whose content script found what may be charge
 * fields (entrypoints/checker.ts): a charge page loads it on top of the content script. Null for
 * a build from before the split.
 */
export function checkerGzip(releaseDir: string): FileSize | null {
  const path = join(releaseDir, 'checker.js');
  return existsSync(path) ? sizeOf(path, 'checker.js') : null;
}
