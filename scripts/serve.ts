/**
 * Serve a built site (dist/) the way a static host should (docs/hosting.md):
 * the headers of ./hosting-headers.ts, `/x` redirected to `/x/` when that is
 * a page (as nginx and most static hosts do), the site's own 404 page for
 * anything else. Used by `npm start`, the e2e tests and the bench, so they see
 * what readers will.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
 *
 * --port 0 picks a free port. Prints `serving <dir> at http://host:port/` once
 * listening (tests read the port from it).
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, cacheControl, CONTENT_TYPES, DEFAULT_TYPE, SECURITY_HEADERS } from './hosting-headers.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: process.env['PORT'] ?? '4321' }, host: { type: 'string', default: '127.0.0.1' } },
});
const root = resolve(values.dir!);

function fileAt(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A .txt download that is not UTF-8 (and has no BOM) is the other encoding the parser accepts: GB18030. */
async function textType(file: string): Promise<string> {
  const bytes = await readFile(file);
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return 'text/plain';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return CONTENT_TYPES['.txt']!;
  } catch {
    return 'text/plain; charset=gb18030';
  }
}

function send(res: ServerResponse, status: number, file: string, path: string, type: string, method: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cacheControl(path), 'Content-Length': statSync(file).size });
  if (method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  void (async () => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '\0';
    }
    const target = join(root, path);
    const inside = target === root || target.startsWith(root + sep);
    const stats = inside && !path.includes('\0') ? fileAt(target) : undefined;
    if (stats?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { ...SECURITY_HEADERS, Location: `${url.pathname}/${url.search}`, 'Cache-Control': CACHE.revalidate }).end();
        return;
      }
      if (fileAt(join(target, 'index.html'))?.isFile()) return send(res, 200, join(target, 'index.html'), path, CONTENT_TYPES['.html']!, method);
    } else if (stats?.isFile()) {
      const ext = extname(target);
      const type = ext === '.txt' ? await textType(target) : (CONTENT_TYPES[ext] ?? DEFAULT_TYPE);
      return send(res, 200, target, path, type, method);
    }
    const notFound = join(root, '404.html');
    if (fileAt(notFound)?.isFile()) return send(res, 404, notFound, '/404.html', CONTENT_TYPES['.html']!, method);
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到');
  })().catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(`serving ${root} at http://${values.host}:${port}/`);
});
