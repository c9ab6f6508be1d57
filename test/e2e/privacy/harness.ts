import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_BUILD_DIR as DEFAULT_E2E_DIR } from '../../support/browser';
import { type FixtureServer, REPO_ROOT } from '../../support/server';

/**
 * Shared by the privacy and robustness suites (issue 6). Two independent witnesses of network
 * use: the DevTools protocol (Playwright's `request` event, which enables the Network domain
 * on every page, frame, extension page and the extension's service worker) and a trap proxy
 * the whole browser must go through for anything that is not loopback.
 */

/**
 * Hosts Chromium itself contacts with no extension loaded, seen on this machine despite the
 * flags (sign-in, component-update and clock pings). Anything else reaching the trap fails a test.
 */
const CHROMIUM_OWN_HOSTS = [
  'accounts.google.com',
  'update.googleapis.com',
  'redirector.gvt1.com',
  // Chromium's network-time check.
  'clients2.google.com',
];
/**
 * Chromium keeps only the last --disable-features switch, so this one repeats Playwright's
 * own list (chromiumSwitches.ts: network time, optimization hints, search preconnects...) and
 * adds Chromium's upload of form-field signatures to its autofill server, which would
 * otherwise look like ours.
 */
const QUIET_CHROMIUM = `--disable-features=${[
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'AutofillServerCommunication',
].join(',')}`;

/** The few extension APIs these helpers call inside the service worker. */
declare const chrome: {
  storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
};

export interface NetworkTrap {
  /** `http://127.0.0.1:PORT` — pass as the browser's proxy. */
  server: string;
  /** Requests that reached the trap, minus Chromium's own background traffic. */
  seen(): string[];
  /** Forgets what was seen (after a positive control). */
  clear(): void;
  close(): Promise<void>;
}

/** A proxy that refuses everything and remembers what was asked of it. */
export async function startNetworkTrap(): Promise<NetworkTrap> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url}`);
    // A tunnel's socket comes with no error listener. Chromium may reset a refused tunnel
    // before our half of it has closed, and an unheard ECONNRESET would end the whole run.
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    clear: () => {
      seen.length = 0;
    },
    seen: () => seen.filter((url) => !CHROMIUM_OWN_HOSTS.some((host) => hostOf(url) === host)),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.replace(/:\d+$/, '');
  }
}

/** The e2e build (CG_E2E_DIR points the suite at another copy, e.g. one built outside `.output`). */
export const E2E_BUILD_DIR = process.env.CG_E2E_DIR ?? DEFAULT_E2E_DIR;
/** The release bundles with a localhost manifest (`wxt build --mode release-test`). */
export const RELEASE_TEST_BUILD_DIR =
  process.env.CG_RELEASE_TEST_DIR ?? join(REPO_ROOT, '.output/chrome-mv3-release-test');

export interface TrappedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  close(): Promise<void>;
}

/** Like test/support/browser.ts launchBrowser, but with the trap proxy in front of the network. */
export async function launchTrapped(
  trap: NetworkTrap,
  extensionDir: string = E2E_BUILD_DIR,
  options: { backForwardCache?: boolean } = {},
): Promise<TrappedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cg-privacy-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Raw flags, not Playwright's `proxy` option: that one adds `<-loopback>` and would send
    // the fixture server's own loads through the trap. Loopback goes direct.
    args: [
      ...CHROMIUM_ARGS,
      `--proxy-server=${trap.server}`,
      '--proxy-bypass-list=127.0.0.1;localhost',
      QUIET_CHROMIUM,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    viewport: { width: 1280, height: 900 },
    // Playwright turns the back/forward cache off by default; the lifecycle suite needs it.
    ...(options.backForwardCache && { ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
  });
  const first =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    // The worker may be stopped and restarted (idle, reload): always ask for the live one.
    async serviceWorker() {
      const live = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface RecordedRequest {
  url: string;
  /** Where it came from: the extension's service worker, or the page/frame URL. */
  from: string;
}

/** Records every request the DevTools protocol reports in the context, from now on. */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const log: RecordedRequest[] = [];
  context.on('request', (request) => {
    let from = 'unknown';
    const worker = request.serviceWorker();
    if (worker) from = `service worker ${worker.url()}`;
    else {
      try {
        from = request.frame().url();
      } catch {
        // a request without a frame (e.g. a worker's) keeps 'unknown'
      }
    }
    log.push({ url: request.url(), from });
  });
  return log;
}

/** Requests that are neither the fixture server's own origins, the extension's files, nor inline data. */
export function foreignRequests(
  log: RecordedRequest[],
  server: FixtureServer,
  extensionId: string,
): string[] {
  const own = [server.origin, server.altOrigin, `chrome-extension://${extensionId}`];
  return log
    .filter(({ url }) => !own.some((origin) => url === origin || url.startsWith(`${origin}/`)))
    .filter(({ url }) => !/^(data|blob|about):/.test(url))
    .map(({ url, from }) => `${url} (from ${from})`);
}

/** Console messages from every page and the service worker, from now on. */
export function recordConsole(context: BrowserContext): string[] {
  const lines: string[] = [];
  context.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`));
  context.on('weberror', (error) => lines.push(`[pageerror] ${error.error().message}`));
  return lines;
}

/** Fixture pages (paths relative to test/fixtures) the page engineers and this suite committed. */
export function fixturePages(...folders: string[]): string[] {
  return folders.flatMap((folder) => {
    try {
      return readdirSync(join(REPO_ROOT, 'test/fixtures', folder))
        .filter((file) => file.endsWith('.html'))
        .map((file) => `${folder}/${file}`);
    } catch {
      return [];
    }
  });
}

/**
 * The overlay host's e2e hooks (open shadow root in the e2e build), or null when there is none.
 * Read through Playwright's utility world, never the page's: a hostile page may have patched
 * querySelectorAll or JSON in its own world.
 */
export async function overlayState(page: Page): Promise<{ hosts: number; findings: string[] } | null> {
  const hosts = page.locator('[data-cg-findings]');
  const count = await hosts.count();
  if (count === 0) return null;
  const json =
    (await hosts
      .first()
      .getAttribute('data-cg-findings', { timeout: 1_000 })
      .catch(() => null)) ?? '[]';
  const findings = JSON.parse(json) as { rule: string }[];
  return { hosts: count, findings: findings.map((f) => f.rule) };
}

/** Waits until the content script has started in the page's main frame. */
export async function contentScriptStarted(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForSelector('html[data-cg-loaded]', { state: 'attached', timeout });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Everything the extension could have kept: chrome.storage (local, sync, session), its
 * origin's IndexedDB and Cache Storage, read inside the service worker. Returned as one
 * string to search.
 */
export async function dumpExtensionStorage(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const area of ['local', 'sync', 'session'] as const) {
      try {
        out[`storage.${area}`] = await chrome.storage[area].get(null);
      } catch (error) {
        out[`storage.${area}`] = `unreadable: ${String(error)}`;
      }
    }
    const databases = await indexedDB.databases();
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of db.objectStoreNames) {
        out[`indexedDB.${name}.${store}`] = await new Promise((done) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => done(all.result);
          all.onerror = () => done(`unreadable: ${String(all.error)}`);
        });
      }
      db.close();
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[`caches.${key}`] = (await cache.keys()).map((r) => r.url);
    }
    return JSON.stringify(out);
  });
}

/** What a page origin holds in web storage, cookies and IndexedDB (the page's own, or ours if we leaked). */
export async function dumpPageStorage(page: Page): Promise<string> {
  return page.evaluate(async () =>
    JSON.stringify({
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      cookie: document.cookie,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }),
  );
}

/** An ISO 8601 time, as the extension writes its own (the override log's, an export's). */
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * The values in `text` that should never be there. Text values match case-insensitively
 * anywhere; numbers match as whole tokens (so minute "67" is not found inside a timestamp).
 */
export function leakedValues(text: string, values: { text: string[]; tokens: string[] }): string[] {
  // Its own times are no page value, and a minute such as ":41:" would read as the token "41"
  // whenever the suite runs at that minute.
  const haystack = text.replace(ISO_TIME, '<time>');
  const lower = haystack.toLowerCase();
  return [
    ...values.text.filter((v) => lower.includes(v.toLowerCase())),
    ...values.tokens.filter((v) =>
      new RegExp(`(?<![\\w.])${v.replace(/\./g, '\\.')}(?![\\w.])`).test(haystack),
    ),
  ];
}

/** Polls the e2e hooks until the overlay reports `rule` (first load includes starting the worker). */
export async function findingsInclude(page: Page, rule: string, timeout = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if ((await overlayState(page))?.findings.includes(rule)) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

export interface ShadowNode {
  nodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes: string[];
}

interface CdpNode extends ShadowNode {
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/**
 * Reads the overlay's shadow tree the way DevTools does (DOM domain, piercing), so the release
 * build's closed root can be inspected without the page ever being able to. Null: no overlay.
 */
export async function overlayShadowTree(
  page: Page,
): Promise<{ mode: string; root: number; nodes: ShadowNode[] } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (node: CdpNode): CdpNode | undefined =>
      node.nodeName === 'CHARGE-GUARD-OVERLAY'
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const nodes: ShadowNode[] = [];
    const walk = (node: CdpNode) => {
      nodes.push({
        nodeId: node.nodeId,
        nodeName: node.nodeName,
        nodeValue: node.nodeValue,
        attributes: node.attributes ?? [],
      });
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(shadow);
    return { mode: shadow.shadowRootType ?? 'unknown', root: shadow.nodeId, nodes };
  } finally {
    await cdp.detach();
  }
}

/**
 * A real, trusted mouse click on an element inside the overlay's (possibly closed) shadow
 * root, as a user's would be: found through DevTools, clicked at its centre.
 */
export async function clickInOverlay(page: Page, selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (node: CdpNode): CdpNode | undefined =>
      node.nodeName === 'CHARGE-GUARD-OVERLAY'
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no overlay');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) throw new Error(`nothing in the overlay matches ${selector}`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click(((x1 ?? 0) + (x3 ?? 0)) / 2, ((y1 ?? 0) + (y3 ?? 0)) / 2);
  } finally {
    await cdp.detach();
  }
}
