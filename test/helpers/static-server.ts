import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A running static server (sirv) that answers for `dist` under `prefix` only, as a host serving a site from a folder. */
export async function serveUnder(dist: string, prefix: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const serve = sirv(dist, { dev: true, dotfiles: true });
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(prefix)) return void res.writeHead(404).end();
    req.url = req.url.slice(prefix.length - 1);
    serve(req, res, () => void res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
