import { defineContentScript } from 'wxt/utils/define-content-script';
import { runDetector } from '../../src/content/detector';

export default defineContentScript({
  // Registered at run time for the sites the user or administrator switched on (see
  // entrypoints/background.ts); the e2e build adds a manifest entry for localhost (wxt.config.ts).
  // It is only the gate: frames that may hold charge fields get the checker (entrypoints/checker.ts).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  // WXT's window.postMessage on start would hand every page the extension's id (and cost a few
  // ms in every frame); its DOM event is enough to stop an older copy after an update.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runDetector(ctx);
  },
});
