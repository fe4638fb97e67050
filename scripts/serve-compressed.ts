import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.xml', '.json', '.txt', '.svg']);

/** The file a request path names inside `root`, or undefined (never a path outside it). */
function fileFor(root: string, url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return fileFor(root, `${url.split('?')[0]!.replace(/\/?$/, '/')}index.html`);
  return stat?.isFile() ? file : undefined;
}

/**
 * A static server for a built site that compresses as a production host does (Brotli or gzip for
 * text), caches fingerprinted assets for a year, and answers a missing page with 404.html: for
 * measuring pages with Lighthouse on this machine.
 */
export function serveCompressed(root: string, port = 0): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const found = fileFor(root, req.url ?? '/');
    const file = found ?? path.join(root, '404.html');
    const ext = path.extname(file);
    res.statusCode = found ? 200 : 404;
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', /\/assets\//.test(req.url ?? '') ? 'public, max-age=31536000, immutable' : 'public, max-age=600');
    res.setHeader('Vary', 'Accept-Encoding');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let encoder: zlib.BrotliCompress | zlib.Gzip | undefined;
    if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'br');
      encoder = zlib.createBrotliCompress();
    } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'gzip');
      encoder = zlib.createGzip();
    }
    const source = createReadStream(file);
    const done = () => res.end();
    if (encoder) pipeline(source, encoder, res, done);
    else pipeline(source, res, done);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ origin: `http://127.0.0.1:${address.port}`, close: () => server.close() });
    }),
  );
}
