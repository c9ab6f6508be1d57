import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The release build's largest content script, gzip -9 (what the 25 KB budget is about). */
export function contentScriptGzip(releaseDir: string): { file: string; rawBytes: number; gzipBytes: number } {
  const dir = join(releaseDir, 'content-scripts');
  const sizes = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.rawBytes - a.rawBytes);
  if (!sizes[0]) throw new Error(`no content script in ${dir}: build the release first (npx wxt build)`);
  return sizes[0];
}
