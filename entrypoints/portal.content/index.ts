import { defineContentScript } from 'wxt/utils/define-content-script';
import { runDetector } from '../../src/content/detector';

export default defineContentScript({
  // Registered at run time for the sites the user or administrator switched on (see
  // entrypoints/background.ts); the e2e build adds a manifest entry for localhost (wxt.config.ts).
  // It is only the gate: frames that may hold charge fields get the checker (entrypoints/checker.ts).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    runDetector(ctx);
  },
});
