import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  // Registered at run time for the sites the user switched on (see entrypoints/background.ts);
  // the e2e build adds a manifest entry for localhost (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    document.documentElement.dataset.cgLoaded = '1';
    void ctx;
  },
});
