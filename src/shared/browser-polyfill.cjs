// `wxt/browser` for the bundles (wxt.config.ts aliases it here): the same webextension-polyfill
// that @wxt-dev/webextension-polyfill hands out, wrapped in an object of one property. The
// module's own `export { default as browser } from 'webextension-polyfill'` makes the bundler's
// CommonJS interop copy every property of the object the polyfill returns; where the browser
// has a native `browser` (Chrome 156, Firefox) that is the real API object, and the copy reads
// every namespace (chrome.app and the rest), ~5 ms in every frame the content script starts in.
module.exports = { browser: require('webextension-polyfill') };
