import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../../src/dev/index.ts';
import { resolveRequest } from '../../src/dev/request-path.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const SECRET = 'SECRET-7f3c1e-do-not-serve';

/** One raw HTTP/1.1 request, the target sent exactly as written; resolves to the whole response. */
function raw(port: number, target: string, host = `127.0.0.1:${port}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

function status(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
}

const ATTEMPTS = [
  '/../secret.txt',
  '/../../secret.txt',
  '/news/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/%2e%2e/secret.txt',
  '/.%2e/secret.txt',
  '/%252e%252e/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/..%2fsecret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/\\..\\secret.txt',
  '/%5c..%5csecret.txt',
  '/secret.txt%00.html',
  '/%00',
  '/news/1/%00/../../secret.txt',
  '//secret.txt',
  '/./secret.txt',
  '/content/site.yml',
  '/content/news/1.md',
  '/etc/passwd',
  '/%2fetc%2fpasswd',
  'http://127.0.0.1/../secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/%e0%80%ae%e0%80%ae/secret.txt',
  '/.cache/outputs.tsv',
  '/news/sub/readme.txt',
  '/sub/readme.txt',
];

describe('the dev server keeps to the site', () => {
  pinSourceDateEpoch(1710880200);
  let dev: DevHandle;
  let port: number;

  beforeAll(async () => {
    const parent = writeSite(`-- secret.txt --\n${SECRET}\n`);
    const root = path.join(parent, 'project');
    writeSite(`-- content/site.yml --\n${siteYml()}\n-- content/news/1.md --\n---\ntitle: یک\nshenaseh: 1\ndate: 1399-01-01\nservice: سیاسی\n---\nمتن.\n`, root);
    mkdirSync(path.join(root, 'content/news/sub'), { recursive: true });
    mkdirSync(path.join(root, 'static'), { recursive: true });
    writeFileSync(path.join(root, 'static/CNAME'), 'archive.example\n');
    writeFileSync(path.join(root, 'content/news/sub/readme.txt'), SECRET);
    dev = await startDev({ root, port: 0, threads: 0, log: { updated: () => {}, failed: (e) => console.error(e) } });
    port = Number(new URL(dev.url).port);
  });

  afterAll(async () => dev?.close());

  it('serves the site', async () => {
    const page = await raw(port, '/news/1/');
    expect(status(page)).toBe(200);
    expect(page).toContain('/__bayegan/client.js');
    expect(status(await raw(port, '/news/1'))).toBe(301);
  });

  it('serves static/, robots.txt and the favicon as the build publishes them, and says that search is not part of dev', async () => {
    const cname = await raw(port, '/CNAME');
    expect(status(cname)).toBe(200);
    expect(cname.endsWith('archive.example\n')).toBe(true);
    expect(await raw(port, '/robots.txt')).toContain('Sitemap: https://test.example/sitemap.xml');
    expect(status(await raw(port, '/favicon.ico'))).toBe(200);
    const search = await raw(port, '/search/');
    expect(status(search)).toBe(200);
    expect(search).toContain('Search is not part of dev');
  });

  for (const target of ATTEMPTS) {
    it(`never answers ${JSON.stringify(target)} with a byte from outside the site`, async () => {
      const response = await raw(port, target);
      expect(response).not.toContain(SECRET);
      expect(response).not.toContain('root:');
      expect(response).not.toContain('baseUrl');
      expect([400, 404]).toContain(status(response));
    });
  }

  it('answers other methods and foreign host names with an error', async () => {
    const post = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(`POST /news/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
      let data = '';
      socket.on('data', (c) => (data += c));
      socket.on('end', () => resolve(data));
    });
    expect(status(post)).toBe(405);
    // A page on another site reaching this server through a name that points here (DNS rebinding).
    expect(status(await raw(port, '/news/1/', 'attacker.example'))).toBe(403);
    expect(status(await raw(port, '/news/1/', `localhost:${port}`))).toBe(200);
  });
});

describe('resolveRequest', () => {
  it('maps site paths to file names under the base path', () => {
    expect(resolveRequest('/', '/')).toEqual({ kind: 'file', name: 'index.html', path: '/' });
    expect(resolveRequest('/news/1/?x=1', '/')).toEqual({ kind: 'file', name: 'news/1/index.html', path: '/news/1/' });
    expect(resolveRequest('/tag/%D8%A2%D8%A8/', '/')).toEqual({ kind: 'file', name: 'tag/آب/index.html', path: '/tag/آب/' });
    expect(resolveRequest('/archive/feed.xml', '/archive/')).toEqual({ kind: 'file', name: 'feed.xml', path: '/archive/feed.xml' });
    expect(resolveRequest('/', '/archive/')).toEqual({ kind: 'redirect', location: '/archive/' });
    expect(resolveRequest('/other/', '/archive/')).toMatchObject({ kind: 'reject', status: 404 });
  });

  it('refuses dot segments, second encodings, backslashes and NUL in any spelling', () => {
    for (const target of ['/a/../b', '/%2e%2e/', '/%252e/', '/a\\b', '/a%5cb', '/a%00', '/%E0%A4%A', '*']) {
      expect(resolveRequest(target, '/'), target).toMatchObject({ kind: 'reject', status: 400 });
    }
  });
});
