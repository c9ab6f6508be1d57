import { E2E } from '../env';
import { normalizeSiteKey } from '../settings/repair';
import { pathPatternFor } from './path';
import { type Picker, startPicker } from './picker';
import { saveTaughtField } from './save';

/**
 * Starts the field picker in this frame. Teaching is injected on demand (`entrypoints/teach.ts`,
 * see `injectTeaching`) rather than shipped in every content script: the picker is rarely used
 * and the content script has a byte budget. A saved field lands in settings; the content
 * script re-reads the page because it listens for settings changes. Fails open: an error ends
 * teaching quietly.
 */
const ACTIVE = Symbol.for('charge-guard.teaching');

export function startTeachingHere(): void {
  const world = globalThis as { [ACTIVE]?: Picker };
  if (world[ACTIVE]) return; // a second request while teaching: keep the running picker
  try {
    const host = normalizeSiteKey(location.hostname);
    const pathPattern = pathPatternFor(location.pathname);
    world[ACTIVE] = startPicker({
      doc: document,
      win: window,
      shadowMode: E2E ? 'open' : 'closed',
      onSave: (choice) => saveTaughtField(host, pathPattern, choice),
      onEnd: () => {
        delete world[ACTIVE];
      },
    });
  } catch {
    delete world[ACTIVE];
  }
}
