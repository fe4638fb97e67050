import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import { TemplateProblem, type BuildSession } from '../build/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { isRuleId } from '../diagnostics/index.ts';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH } from './client.ts';
import { injectDev } from './inject.ts';
import { requestPath, resolveRequest } from './request-path.ts';
import { PERSIAN_TITLES } from './rule-titles.ts';

/** A browser tab listening for changes: the site file it shows and the digest of what it was served. */
interface Client {
  response: http.ServerResponse;
  name: string | undefined;
  page: string;
}

// What a page is to its open tabs: the digest of its bytes, or why there were none.
type PageState = string;
const MISSING = 'missing';
const BROKEN = 'error';

// The theme's files carry their digest in their name: a browser may keep them for good.
const FINGERPRINTED = /^assets\/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$/;

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
}

function contentType(name: string): string {
  const type = lookup(name) ?? (/\.[^/]+$/.test(name) ? 'application/octet-stream' : 'text/plain');
  return /^text\/|javascript|json|xml/.test(type) ? `${type}; charset=utf-8` : type;
}

/** Host names a browser on this machine uses for a loopback server; any other is a page elsewhere reaching in (DNS rebinding). */
export function isLocalHost(header: string | undefined): boolean {
  if (!header) return false;
  const name = header.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '[::1]';
}

/** The problems as the overlay shows them: errors only, each with its rule in Persian. */
function overlayPayload(problems: Diagnostic[]): string {
  return JSON.stringify(problems.map((d) => ({ ...d, ...(isRuleId(d.ruleId) && { titleFa: PERSIAN_TITLES[d.ruleId] }) })));
}

const PLAIN_PAGE = (title: string) =>
  `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><p>${title}</p></body></html>`;

/**
 * The dev server: serves the session's site from memory (never a folder), the client script and
 * the event stream that tells open tabs to reload or to show the overlay.
 */
export class DevServer {
  private readonly server: http.Server;
  private readonly clients = new Set<Client>();
  /** Told to every tab on connecting: a tab that sees another has outlived a restart. */
  private readonly id = randomBytes(8).toString('hex');
  private readonly ping: NodeJS.Timeout;
  private problems = '[]';

  constructor(
    private readonly session: BuildSession,
    private readonly options: { localOnly: boolean },
  ) {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`bayegan dev: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    });
    // Comments keep idle event streams open through proxies and sleeping laptops.
    this.ping = setInterval(() => this.clients.forEach((c) => c.response.write(': ping\n\n')), 25_000);
    this.ping.unref();
    this.problems = overlayPayload(session.problems);
  }

  /** Start listening; resolves to the address, rejects with the system's error (`EADDRINUSE`). */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      this.server.once('error', failed);
      this.server.listen(port, host, () => {
        this.server.off('error', failed);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  private async pageState(name: string | undefined): Promise<PageState> {
    if (name === undefined) return MISSING;
    try {
      const file = await this.session.file(name);
      return file ? digest(file.bytes) : MISSING;
    } catch (error) {
      if (error instanceof TemplateProblem) return BROKEN;
      throw error;
    }
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const send = (status: number, type: string, body: string | Uint8Array, headers: http.OutgoingHttpHeaders = {}): void => {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers };
      // A page is asked for again on every reload: an unchanged one (the stylesheet, the font) costs a 304.
      const tag = status === 200 ? `"${digest(bytes)}"` : undefined;
      if (tag && request.headers['if-none-match'] === tag) {
        response.writeHead(304, { ETag: tag, ...common });
        response.end();
        return;
      }
      response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, ...(tag && { ETag: tag }), ...common });
      response.end(request.method === 'HEAD' ? undefined : bytes);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    if (this.options.localOnly && !isLocalHost(request.headers.host)) return send(403, 'text/plain; charset=utf-8', 'Host not allowed: this server answers only its own machine\n');
    const target = request.url ?? '/';
    const bare = target.replace(/[?#].*$/s, '');
    if (bare === CLIENT_PATH) return send(200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (bare === EVENTS_PATH) return this.listenTo(request, response);
    const html = (body: string, state: PageState, draft = false) => injectDev(body, { page: state, draft });
    const resolved = resolveRequest(target, this.session.basePath ?? '/');
    if (resolved.kind === 'redirect') return send(302, 'text/plain; charset=utf-8', `See ${resolved.location}\n`, { Location: resolved.location });
    if (resolved.kind === 'reject' && resolved.status === 400) return send(400, 'text/plain; charset=utf-8', `Bad request: ${resolved.reason}\n`);
    if (resolved.kind === 'file') {
      let file;
      try {
        file = await this.session.file(resolved.name);
      } catch (error) {
        // A file the last good site still names was deleted (an image being replaced): gone, as in the next build.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') file = undefined;
        else if (!(error instanceof TemplateProblem)) throw error;
        else return send(500, 'text/html; charset=utf-8', html(PLAIN_PAGE('خطا در قالب · Template error'), BROKEN));
      }
      if (file) {
        const type = contentType(resolved.name);
        const caching = { 'Cache-Control': FINGERPRINTED.test(resolved.name) ? 'max-age=31536000, immutable' : 'no-cache' };
        if (!type.startsWith('text/html')) return send(200, type, file.bytes, caching);
        return send(200, type, html(Buffer.from(file.bytes).toString('utf8'), digest(file.bytes), file.article?.draft), caching);
      }
      // `/news/1` for `/news/1/`, as static hosts answer.
      if (!resolved.name.endsWith('index.html') && (await this.session.file(`${resolved.name}/index.html`).catch(() => undefined))) {
        return send(301, 'text/plain; charset=utf-8', 'Moved\n', { Location: `${target.replace(/[?#].*$/s, '')}/` });
      }
    }
    // dev keeps no search index (a first index of the whole archive takes tens of seconds): say so where the header's box leads.
    if (resolved.kind === 'file' && resolved.name === 'search/index.html') {
      return send(200, 'text/html; charset=utf-8', html(PLAIN_PAGE('جست‌وجو در پیش‌نمایش نیست · Search is not part of dev: run bayegan build and serve dist/ to try it'), MISSING));
    }
    const missing = await this.session.file('404.html').catch(() => undefined);
    const body = missing ? Buffer.from(missing.bytes).toString('utf8') : PLAIN_PAGE(this.session.basePath ? 'صفحه پیدا نشد · Not found' : 'سایت ساخته نشد · The site could not be built');
    send(404, 'text/html; charset=utf-8', html(body, MISSING));
  }

  private async listenTo(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const query = new URLSearchParams((request.url ?? '').replace(/^[^?]*\??/, ''));
    const shown = requestPath(query.get('path') ?? '');
    const resolved = 'path' in shown ? resolveRequest(encodeURI(shown.path), this.session.basePath ?? '/') : undefined;
    const client: Client = { response, name: resolved?.kind === 'file' ? resolved.name : undefined, page: query.get('page') ?? '' };
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    response.write(`event: hello\ndata: ${this.id}\n\nevent: problems\ndata: ${this.problems}\n\n`);
    this.clients.add(client);
    request.on('close', () => this.clients.delete(client));
    // A change may have come between serving the page and this connection.
    const now = await this.pageState(client.name);
    if (now !== client.page) this.reload(client, now);
  }

  private reload(client: Client, state: PageState): void {
    client.page = state;
    client.response.write('event: reload\ndata: \n\n');
  }

  /** After an update: the problems to every tab, and a reload to each tab whose page changed. */
  async notify(): Promise<number> {
    this.problems = overlayPayload(this.session.problems);
    const states = new Map<string | undefined, PageState>();
    let reloaded = 0;
    for (const client of [...this.clients]) {
      client.response.write(`event: problems\ndata: ${this.problems}\n\n`);
      if (!states.has(client.name)) states.set(client.name, await this.pageState(client.name));
      const state = states.get(client.name)!;
      if (state !== client.page) {
        this.reload(client, state);
        reloaded += 1;
      }
    }
    return reloaded;
  }

  /** Close every event stream and stop listening. */
  async close(): Promise<void> {
    clearInterval(this.ping);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
