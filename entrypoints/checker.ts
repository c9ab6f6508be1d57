import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startChecker } from '../src/content/checker';

// Injected by the background (src/background/checker.ts) into a frame whose content script
// found what may be charge fields: the reader, the rules and the overlay.
export default defineUnlistedScript(() => startChecker());
