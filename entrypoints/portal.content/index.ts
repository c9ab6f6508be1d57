import { defineContentScript } from 'wxt/utils/define-content-script';
import { runChargeGuard } from '../../src/content/run';

export default defineContentScript({
  // Registered at run time for the sites the user or administrator switched on (see
  // entrypoints/background.ts); the e2e build adds a manifest entry for localhost (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    runChargeGuard(ctx);
  },
});
