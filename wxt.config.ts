import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/** Pages the e2e build checks without being switched on (design.md, "Test hooks"). */
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/**
 * Modes whose manifest also declares the content script on localhost. `release-test` is the
 * release build (E2E is false: closed shadow root, no data-cg marks) made reachable for the
 * hostile-page tests in test/e2e/robust (issue 6).
 */
const LOCALHOST_MODES = ['e2e', 'release-test'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // One manifest version everywhere: Firefox MV3 has scripting.registerContentScripts,
  // which is how sites the user switches on get the content script.
  manifestVersion: 3,
  webExt: { disabled: true },
  vite: (env) => ({
    // The polyfill module's `wxt/browser`, imported without copying the browser's API object
    // (src/shared/browser-polyfill.cjs says why).
    resolve: {
      alias: { 'wxt/browser': fileURLToPath(new URL('src/shared/browser-polyfill.cjs', import.meta.url)) },
    },
    // release-test must bundle exactly what release bundles (WXT and src/env.ts branch on MODE).
    ...(env.mode === 'release-test' && { define: { 'import.meta.env.MODE': '"production"' } }),
  }),
  manifest: ({ mode, browser }) => ({
    name: 'Charge Guard',
    description:
      'Checks outpatient therapy charges (PT/OT/SLP) as you enter them: units, modifiers, diagnoses, code pairs. Nothing leaves the browser.',
    permissions: ['storage', 'scripting', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: LOCALHOST_MODES.includes(mode) ? E2E_HOSTS : [],
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    },
    // Keys an administrator may set through enterprise policy (src/settings/MANAGED.md).
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'charge-guard@chargeguard.invalid',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // The release build registers the content script at run time, only for the sites the
      // user or the administrator switched on. The e2e build declares it for localhost.
      if (!LOCALHOST_MODES.includes(wxt.config.mode)) return;
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: E2E_HOSTS,
        js: ['content-scripts/portal.js'],
        run_at: 'document_idle', // as registered at run time (src/background/browser-api.ts)
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
      } as (typeof manifest.content_scripts)[number]);
    },
  },
});
