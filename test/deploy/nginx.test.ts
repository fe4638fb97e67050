import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '../../src/outputs/index.ts';
import { crawl } from '../helpers/crawl.ts';
import { buildSample } from '../helpers/serve.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
// Without nginx these tests are skipped with a notice; .ci/run installs it and sets BAYEGAN_REQUIRE_NGINX=1.
const available = NGINX !== undefined || process.env.BAYEGAN_REQUIRE_NGINX === '1';
if (!available) console.warn('nginx tests skipped: no nginx (apt-get install nginx-light).');

/** The server block of the README's nginx section, as documented. */
function readmeBlock(): string {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### nginx'));
  return /```nginx\n([\s\S]*?)```/.exec(section)![1]!;
}

/** Replace `from` (which must be in the text exactly once) with `to`. */
function swap(text: string, from: string, to: string): string {
  expect(text.split(from), from).toHaveLength(2);
  return text.replace(from, to);
}

// nginx's workers drop to an unprivileged user when started as root: the folders they serve must be readable to all.
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Run nginx in its own prefix with one server block; resolves when it answers. */
async function startNginx(block: string): Promise<{ origin: string; child: ChildProcess; prefix: string }> {
  const prefix = scratch('bayegan-nginx-');
  const port = await freePort();
  const server = swap(swap(block, 'listen 80;', `listen 127.0.0.1:${port};`), 'listen [::]:80;', '');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`).join('\n');
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n${temp}\n${server}\n}\n`,
  );
  const test = spawnSync(NGINX!, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  expect(test.status, test.stderr).toBe(0);
  const child = spawn(NGINX!, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(origin).then(() => true, () => false)) return { origin, child, prefix };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not start: ${readFileSync(path.join(prefix, 'error.log'), 'utf8')}`);
}


const variants = [
  { name: 'at the root of a host', baseUrl: 'https://archive.example/', folder: '' },
  { name: 'in a folder', baseUrl: 'https://example.org/archive/', folder: '/archive' },
];

describe.skipIf(!available)('the README’s nginx server block', () => {
  for (const { name, baseUrl, folder } of variants) {
    describe(name, () => {
      let nginx: Awaited<ReturnType<typeof startNginx>>;
      let dist: string;
      const url = (sitePath: string) => `${nginx.origin}${folder}${sitePath}`;

      beforeAll(async () => {
        dist = path.join(await buildSample(baseUrl, scratch('bayegan-nginx-site-')), 'dist');
        let block = readmeBlock();
        if (folder === '') block = swap(block, 'root /var/www/archive.example/dist;', `root ${dist};`);
        else {
          // What the README says to do for a site in a folder, done here word for word.
          const www = scratch('bayegan-nginx-www-');
          cpSync(dist, path.join(www, 'archive'), { recursive: true });
          block = swap(block, 'root /var/www/archive.example/dist;', `root ${www};`);
          for (const [from, to] of [
            ['location /assets/', 'location /archive/assets/'],
            ['location / {', 'location /archive/ {'],
            ['error_page 404 /404.html;', 'error_page 404 /archive/404.html;'],
            ['location = /_headers', 'location = /archive/_headers'],
            ['location = /_redirects', 'location = /archive/_redirects'],
          ] as const) block = swap(block, from, to);
        }
        nginx = await startNginx(block);
      }, 180_000);

      afterAll(async () => {
        if (!nginx || nginx.child.exitCode !== null) return;
        const exited = new Promise((resolve) => nginx.child.once('exit', resolve));
        nginx.child.kill('SIGTERM');
        await exited;
      });

      it('answers every link of the site with 200', async () => {
        const redirects = readFileSync(path.join(dist, '_redirects'), 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0]!);
        const starts = ['/', '/robots.txt', '/sitemap.xml', '/feed.xml', '/atom.xml', '/favicon.ico'].map(url).concat(redirects.map((r) => `${nginx.origin}${r}`));
        const { visited, broken } = await crawl(nginx.origin, baseUrl, starts);
        expect(broken).toEqual([]);
        expect(visited.size).toBeGreaterThan(readdirSync(path.join(dist, 'news')).length);
      });

      it('sends the cache policy of _headers: a year for assets/, a minute and revalidation for the rest', async () => {
        const css = readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.css'))!;
        const cacheOf = async (sitePath: string) => {
          const response = await fetch(url(sitePath));
          expect(response.status, sitePath).toBe(200);
          expect(response.headers.get('x-content-type-options'), sitePath).toBe('nosniff');
          return response.headers.get('cache-control');
        };
        expect(await cacheOf(`/assets/${css}`)).toBe(IMMUTABLE);
        for (const page of ['/', '/news/21016/', '/news/21016/21016-map.png', '/feed.xml', '/sitemap.xml', '/robots.txt', '/favicon.ico']) {
          expect(await cacheOf(page), page).toBe(REVALIDATE);
        }
      });

      it('redirects a folder without its slash, shows 404.html for a missing page, hides _headers and compresses text', async () => {
        const bare = await fetch(url('/news/21016'), { redirect: 'manual' });
        expect(bare.status).toBe(301);
        expect(bare.headers.get('location')).toBe(`${folder}/news/21016/`);
        const missing = await fetch(url('/news/99999/'));
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('این صفحه پیدا نشد');
        for (const file of ['/_headers', '/_redirects']) expect((await fetch(url(file))).status, file).toBe(404);
        const page = await fetch(url('/'), { headers: { 'accept-encoding': 'gzip' } });
        expect(page.headers.get('content-encoding')).toBe('gzip');
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      });
    });
  }
});
