import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * A static server for fixture pages, bound to loopback only. The same port answers as
 * http://127.0.0.1:PORT and http://localhost:PORT: two origins, for cross-origin frames.
 * A file may have a sidecar `NAME.headers.json` ({"Header": "value"}) for response headers,
 * e.g. a strict Content-Security-Policy.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://localhost:PORT (a second origin on the same server) */
  altOrigin: string;
  url(path: string): string;
  /** Every request the server saw, in order (path only). */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(root = join(REPO_ROOT, 'test/fixtures')): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      try {
        Object.assign(headers, JSON.parse(await readFile(`${file}.headers.json`, 'utf8')));
      } catch {
        // no sidecar headers
      }
      res.writeHead(200, headers).end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    altOrigin: `http://localhost:${port}`,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
