import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { expect, test } from 'vitest';
import { REPO_ROOT } from '../../support/server';
import { filesIn } from './build-variants';

/**
 * A static scan of everything that ships (src/ and entrypoints/, tests excluded). Comments
 * and types are stripped first (esbuild, already installed with tsx) so a comment saying
 * "never fetch()" is not a hit, while any real call is.
 */
function shippedSources(): { file: string; code: string }[] {
  return ['src', 'entrypoints'].flatMap((root) =>
    [...filesIn(join(REPO_ROOT, root), '.ts'), ...filesIn(join(REPO_ROOT, root), '.tsx')]
      // Tests and test-only helpers (a `testing/` folder, e.g. src/page/testing, which loads
      // fixture pages into happy-dom) never ship; the bundle scan in built-extension.test.ts
      // checks what does.
      .filter((file) => !/\.(test|spec)\.tsx?$|\.d\.ts$|(^|\/)testing\//.test(file))
      .map((file) => {
        const source = readFileSync(join(REPO_ROOT, root, file), 'utf8');
        const { code } = transformSync(source, {
          loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
          jsx: 'preserve',
          legalComments: 'none',
        });
        return { file: `${root}/${file}`, code };
      }),
  );
}

function hits(patterns: { what: string; pattern: RegExp }[]): string[] {
  return shippedSources().flatMap(({ file, code }) =>
    patterns.filter(({ pattern }) => pattern.test(code)).map(({ what }) => `${file}: ${what}`),
  );
}

test('the scan sees the shipped sources (guards against scanning nothing)', () => {
  const files = shippedSources().map((s) => s.file);
  expect(files).toContain('entrypoints/background.ts');
  expect(files).toContain('entrypoints/portal.content/index.ts');
});

test('no shipped source uses a network API', () => {
  expect(
    hits([
      { what: 'fetch', pattern: /(?<![\w$])fetch\s*\(/ },
      { what: 'XMLHttpRequest', pattern: /XMLHttpRequest/ },
      { what: 'sendBeacon', pattern: /sendBeacon/ },
      { what: 'WebSocket', pattern: /WebSocket/ },
      { what: 'EventSource', pattern: /EventSource/ },
      { what: 'WebRTC', pattern: /RTCPeerConnection/ },
      { what: 'WebTransport', pattern: /WebTransport/ },
      { what: 'runtime.connectNative / sendNativeMessage', pattern: /connectNative|sendNativeMessage/ },
    ]),
  ).toEqual([]);
});

test('no shipped source evaluates strings as code', () => {
  expect(
    hits([
      { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
      { what: 'Function constructor', pattern: /new\s+Function\s*\(/ },
      { what: 'importScripts', pattern: /importScripts\s*\(/ },
      { what: 'string timer', pattern: /set(?:Timeout|Interval)\s*\(\s*[`'"]/ },
      // Lazy-loading our own chunk ('./x', '../x') is fine; anything else could be remote.
      {
        what: 'dynamic import of a non-relative module',
        pattern: /(?<![\w$.])import\s*\((?!\s*[`'"]\.{1,2}\/)/,
      },
    ]),
  ).toEqual([]);
});

test('no shipped source writes markup from strings (page values must render as text)', () => {
  expect(
    hits([
      { what: 'innerHTML/outerHTML assignment', pattern: /\.(?:inner|outer)HTML\s*\+?=/ },
      { what: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
      { what: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
      { what: 'document.write', pattern: /document\.write(?:ln)?\s*\(/ },
      { what: 'createContextualFragment', pattern: /createContextualFragment/ },
      { what: 'DOMParser', pattern: /DOMParser/ },
    ]),
  ).toEqual([]);
});
