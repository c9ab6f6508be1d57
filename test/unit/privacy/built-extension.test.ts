import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildVariants, filesIn, readManifest, type VariantName } from './build-variants';

/**
 * Privacy claims about what we ship, checked on freshly built bundles (SECURITY.md cites
 * these tests). Release = what users install; e2e/release-test only add localhost.
 */
let built: Record<VariantName, string>;
beforeAll(() => {
  built = buildVariants();
}, 120_000);

const LOCALHOST = ['http://127.0.0.1/*', 'http://localhost/*'];
/** Permissions that would let the extension see or send more than the fields it checks. */
const FORBIDDEN_PERMISSIONS = [
  '<all_urls>',
  'webRequest',
  'webRequestBlocking',
  'declarativeNetRequestFeedback',
  'cookies',
  'history',
  'browsingData',
  'debugger',
  'proxy',
  'nativeMessaging',
  'management',
  'clipboardRead',
  'downloads',
  'identity',
  'geolocation',
  'webNavigation',
];

interface ContentScript {
  matches?: string[];
}

function cspDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe.each(['chrome-release', 'firefox-release'] as const)('%s manifest', (variant) => {
  test('asks for no host access up front: only optional http(s) host permissions', () => {
    const manifest = readManifest(built[variant]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    const optional = (manifest.optional_host_permissions ?? []) as string[];
    for (const pattern of optional) expect(pattern).toMatch(/^https?:\/\/\*\/\*$/);
  });

  test('declares no content script: it is registered only for sites the user switches on', () => {
    const scripts = (readManifest(built[variant]).content_scripts ?? []) as ContentScript[];
    expect(scripts.flatMap((s) => s.matches ?? [])).toEqual([]);
  });

  test('requests no permission that could read or send browsing data', () => {
    const manifest = readManifest(built[variant]);
    const asked = [
      ...((manifest.permissions ?? []) as string[]),
      ...((manifest.optional_permissions ?? []) as string[]),
    ];
    expect(asked.filter((p) => FORBIDDEN_PERMISSIONS.includes(p))).toEqual([]);
  });

  test('lets no web page message the extension or load its files', () => {
    const manifest = readManifest(built[variant]);
    expect(manifest.externally_connectable).toBeUndefined();
    const resources = (manifest.web_accessible_resources ?? []) as { matches?: string[] }[];
    expect(resources.flatMap((r) => r.matches ?? [])).toEqual([]);
  });

  test('has a strict extension-page CSP: self-only scripts, no eval, no connections', () => {
    const csp = (readManifest(built[variant]).content_security_policy as { extension_pages?: string })
      ?.extension_pages;
    expect(csp).toBeTypeOf('string');
    const directives = cspDirectives(csp as string);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // connect-src 'none': even a fetch() slipped into the popup or options page is refused by the browser.
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

test('the Firefox release declares that it collects no data', () => {
  const gecko = (readManifest(built['firefox-release']).browser_specific_settings as Record<string, unknown>)
    ?.gecko as { data_collection_permissions?: { required?: string[] } };
  expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
});

test.each(['chrome-e2e', 'chrome-release-test'] as const)(
  '%s adds only localhost, nothing wider',
  (variant) => {
    const manifest = readManifest(built[variant]);
    expect(manifest.host_permissions).toEqual(LOCALHOST);
    const matches = ((manifest.content_scripts ?? []) as ContentScript[]).flatMap((s) => s.matches ?? []);
    expect(matches.length).toBeGreaterThan(0);
    for (const pattern of matches) expect(LOCALHOST).toContain(pattern);
  },
);

test('release-test ships byte-for-byte the release bundles (its tests exercise what users run)', () => {
  const release = filesIn(built['chrome-release'], '.js');
  expect(filesIn(built['chrome-release-test'], '.js')).toEqual(release);
  for (const file of release) {
    const a = readFileSync(join(built['chrome-release'], file));
    const b = readFileSync(join(built['chrome-release-test'], file));
    expect(a.equals(b), file).toBe(true);
  }
});

test.each(['chrome-release', 'firefox-release'] as const)(
  '%s: the content scripts take the polyfill without copying the browser object (wxt.config.ts alias)',
  (variant) => {
    // The bundler's CommonJS interop (`__toESM`/`__copyProps`) walks an object's own property
    // names; around Chrome's native `browser` that reads every API namespace in every frame.
    for (const file of filesIn(built[variant], '.js').filter((f) => /^(content-scripts\/|checker)/.test(f))) {
      const code = readFileSync(join(built[variant], file), 'utf8');
      expect(code.includes('webextension-polyfill'), `${file} bundles the polyfill`).toBe(true);
      expect(code.includes('getOwnPropertyNames'), `${file} copies an object's properties`).toBe(false);
    }
  },
);

/**
 * Text the framework legitimately ships that a naive scan would flag. Each entry says why it
 * is not a network request or remote code.
 */
const ALLOWED_URLS = [
  // Preact's SVG, MathML and XLink namespace names: identifiers compared as strings, never fetched.
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/XML/1998/namespace',
];
/**
 * URLs whose host is interpolated (`https://${site}/*`) are built from the sites the user
 * switched on: host-permission match patterns (src/background/registration.ts) and links to the
 * user's own portal. They name no fixed endpoint, and no request is made from them.
 */
const TEMPLATED_HOST = /^https?:\/\/\$\{\w+\}(\/\*)?$/;
/**
 * Vite's modulepreload polyfill (`vite/modulepreload-polyfill`) in the chunk extension pages
 * load: it fetch()es `<link rel="modulepreload">` hrefs, which are the extension's own files,
 * and only in browsers without native modulepreload. connect-src 'none' bounds it anyway.
 */
const MODULEPRELOAD_FETCH =
  /function \w+\(\w+\)\{if\(\w+\.ep\)return;\w+\.ep=!0;let \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)\}/g;

const REMOTE_CODE = [
  { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
  { what: 'Function constructor', pattern: /new\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*[`'"]/ },
  { what: 'importScripts', pattern: /importScripts\s*\(/ },
  { what: 'setTimeout/setInterval with a string', pattern: /set(?:Timeout|Interval)\s*\(\s*[`'"]/ },
  { what: 'dynamic import of a URL', pattern: /import\s*\(\s*[`'"](?:https?:)?\/\// },
];
const NETWORK_APIS = [
  { what: 'fetch', pattern: /(?<![\w$])fetch\s*\(/ },
  { what: 'XMLHttpRequest', pattern: /XMLHttpRequest/ },
  { what: 'sendBeacon', pattern: /sendBeacon/ },
  { what: 'WebSocket', pattern: /WebSocket/ },
  { what: 'EventSource', pattern: /EventSource/ },
  { what: 'WebRTC', pattern: /RTCPeerConnection/ },
  { what: 'WebTransport', pattern: /WebTransport/ },
];

describe.each(['chrome-release', 'firefox-release'] as const)('%s bundles', (variant) => {
  const scripts = () =>
    filesIn(built[variant], '.js').map((file) => ({
      file,
      code: readFileSync(join(built[variant], file), 'utf8'),
    }));

  test('contain no remote code: no eval, Function constructor, importScripts or URL imports', () => {
    const hits = scripts().flatMap(({ file, code }) =>
      REMOTE_CODE.filter(({ pattern }) => pattern.test(code)).map(({ what }) => `${file}: ${what}`),
    );
    expect(hits).toEqual([]);
  });

  test('contain no network API beyond the allow-listed modulepreload polyfill', () => {
    const hits = scripts().flatMap(({ file, code }) =>
      NETWORK_APIS.filter(({ pattern }) => pattern.test(code.replace(MODULEPRELOAD_FETCH, ''))).map(
        ({ what }) => `${file}: ${what}`,
      ),
    );
    expect(hits).toEqual([]);
  });

  test('name no URL except allow-listed XML namespace identifiers', () => {
    const urls = scripts().flatMap(({ file, code }) =>
      [...code.matchAll(/(?:https?|wss?|ftp):\/\/[^\s`'"),]*/g)]
        .map((m) => m[0])
        .filter((url) => !ALLOWED_URLS.includes(url) && !TEMPLATED_HOST.test(url))
        .map((url) => `${file}: ${url}`),
    );
    expect(urls).toEqual([]);
  });

  test('HTML pages load only the extension’s own files', () => {
    for (const file of filesIn(built[variant], '.html')) {
      const html = readFileSync(join(built[variant], file), 'utf8');
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] as string);
      for (const ref of refs) expect(ref, `${file}: ${ref}`).toMatch(/^(?:\/(?!\/)|\.\/|[\w-]+\/|[\w.-]+$)/);
    }
  });
});
