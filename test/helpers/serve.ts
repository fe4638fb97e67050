import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sirv from 'sirv';
import { expect } from 'vitest';
import { run } from './cli.ts';

const repo = path.resolve(import.meta.dirname, '../..');

/** Build a copy of the sample archive (`content/`) for `baseUrl`; returns the project folder. */
export async function buildSample(baseUrl: string, root = mkdtempSync(path.join(tmpdir(), 'bayegan-sample-'))): Promise<string> {
  cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  const { code, err } = await run(['build', '--root', root, '--base-url', baseUrl]);
  expect(code, err).toBe(0);
  return root;
}

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
