import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { REPO_ROOT } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_BUILD_DIR = join(REPO_ROOT, '.output/chrome-mv3-e2e');
export const RELEASE_BUILD_DIR = join(REPO_ROOT, '.output/chrome-mv3');

/** Flags verified on this machine (shared/toolchain.md): without the networking ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--no-default-browser-check',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id (host of its service worker URL); absent when launched without one. */
  extensionId: string;
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile and, unless `extensionDir` is null, the built extension. */
export async function launchBrowser(
  options: {
    extensionDir?: string | null;
    headless?: boolean;
    viewport?: { width: number; height: number };
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir === undefined ? E2E_BUILD_DIR : options.extensionDir;
  const userDataDir = await mkdtemp(join(tmpdir(), 'cg-profile-'));
  const args = [...CHROMIUM_ARGS];
  if (extensionDir)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  let serviceWorker: Worker | null = null;
  let extensionId = '';
  if (extensionDir) {
    serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
