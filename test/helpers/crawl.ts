import { isNonPage, urlsOf } from './urls.ts';

/** What following every link of a served site found. */
export interface CrawlResult {
  /** Every URL fetched, with its status. */
  visited: Map<string, number>;
  /** `url (status) ← the page that links to it`, for every answer that was not 200. */
  broken: string[];
}

/**
 * Fetch `starts` from a server at `origin`, then every URL of the site that an HTML, CSS, XML or
 * robots.txt answer names (`publicUrl`, the site's own URL, is mapped to the server), once
 * each, following permanent redirects, and report the answers that were not 200.
 */
export async function crawl(origin: string, publicUrl: string, starts: string[]): Promise<CrawlResult> {
  const visited = new Map<string, number>();
  const broken: string[] = [];
  const site = new URL(publicUrl);
  const local = (url: URL) => (url.origin === site.origin ? new URL(url.pathname + url.search, origin) : url);
  const queue: Array<{ url: string; from: string }> = starts.map((url) => ({ url: new URL(url, origin).href, from: '(start)' }));
  while (queue.length > 0) {
    const batch = queue.splice(0, 16);
    await Promise.all(
      batch.map(async ({ url, from }) => {
        const key = url.split('#')[0]!;
        if (visited.has(key)) return;
        visited.set(key, 0);
        const response = await fetch(key, { redirect: 'manual' });
        visited.set(key, response.status);
        const location = response.headers.get('location');
        // A folder asked for without its slash is sent to it: follow, as a browser would.
        if ((response.status === 301 || response.status === 308) && location) {
          queue.push({ url: new URL(location, key).href, from: key });
          return void (await response.body?.cancel());
        }
        const type = response.headers.get('content-type') ?? '';
        if (response.status !== 200 || !/html|css|xml|text\/plain/.test(type)) {
          if (response.status !== 200) broken.push(`${key} (${response.status}) ← ${from}`);
          await response.body?.cancel();
          return;
        }
        const pathname = new URL(key).pathname;
        for (const found of urlsOf(pathname.endsWith('/') ? 'index.html' : pathname, await response.text())) {
          if (found.where === '_headers rule' || isNonPage(found.url)) continue;
          const next = local(new URL(found.url, key));
          // Links out of the site (another host, or the same host outside the base path) are not the site's to answer.
          if (next.origin === origin && next.pathname.startsWith(site.pathname)) queue.push({ url: next.href, from: key });
        }
      }),
    );
  }
  return { visited, broken };
}
