import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { Expected } from './summarize';

/**
 * Test-only helpers: load a fixture portal page into its own happy-dom window with its own
 * scripts running, and compare a reading with the page's sidecar `NAME.expected.json`.
 * Same-directory `<script src>` files are inlined (happy-dom here has no server to fetch from).
 */
export const PORTALS = resolve(import.meta.dirname, '../../../test/fixtures/portals');

export { type Expected, type ExpectedLine, pick, summarize } from './summarize';

export function readFixture(name: string): string {
  return readFileSync(join(PORTALS, name), 'utf8');
}

export function expectedFor(name: string): Expected {
  return JSON.parse(readFixture(name.replace(/\.html$/, '.expected.json')));
}

export async function loadFixture(name: string, html = readFixture(name)): Promise<Window> {
  const window = new Window({
    url: `http://127.0.0.1:8080/portals/${name}`,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const inlined = html.replace(
    /<script src="([\w.-]+\.js)"><\/script>/g,
    (_, src: string) => `<script>${readFixture(src)}</script>`,
  );
  window.document.write(inlined);
  // happy-dom's parser can lose `selected` on options (browsers do not): apply it as the markup says.
  for (const option of Array.from(window.document.querySelectorAll('option[selected]'))) {
    (option as unknown as HTMLOptionElement).selected = true;
  }
  await window.happyDOM.waitUntilComplete();
  return window;
}
