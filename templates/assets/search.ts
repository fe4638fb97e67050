/// <reference lib="dom" />
/**
 * The search page: folds the reader's query with bayegan's Persian layer (the same code that
 * folded the index), asks Pagefind (self-hosted under the site's base path), and shows each result
 * with its title, Jalali date, service and an excerpt whose matching words are marked. The query
 * and filters live in the URL, so a search can be shared and the back button restores it.
 */
import { toPersianDigits } from 'bayegan/persian/digits.ts';
import { normalizeSearch, searchDisplay, searchQueries, searchWords } from 'bayegan/persian/search.ts';

// Exported so that tests can check that this bundle folds text as the build does.
export { normalizeSearch, searchQueries, searchWords };

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Result {
  id: string;
  data(): Promise<Fragment>;
}
interface Pagefind {
  options(options: object): Promise<void>;
  mergeIndex(url: string, options: object): Promise<void>;
  search(term: string, options: object): Promise<{ results: Result[] }>;
}
interface Query {
  q: string;
  service: string;
  year: string;
}

const PAGE_SIZE = 10;
const EXCERPT_WORDS = 30;
// A query is a few words; a pasted page is cut rather than sent to the index whole.
const MAX_QUERY = 256;

/**
 * The words of the content that a query word matches, as Pagefind matches them: words that start
 * with it, else (as Pagefind falls back to) the longest word it starts with, if nearly as long.
 */
export function matchedWords(keys: readonly string[], words: readonly string[]): Set<number> {
  const hits = new Set<number>();
  for (const word of words) {
    const forward = keys.flatMap((key, i) => (key !== '' && key.startsWith(word) ? [i] : []));
    if (forward.length > 0) {
      forward.forEach((i) => hits.add(i));
      continue;
    }
    const near = keys.filter((key) => word.startsWith(key) && key.length >= Math.max(3, word.length - 2));
    const longest = Math.max(0, ...near.map((key) => key.length));
    keys.forEach((key, i) => key.length === longest && near.includes(key) && hits.add(i));
  }
  return hits;
}

/** An excerpt of about thirty words around the most matches, matches in `<mark>`, shown as the site shows text. */
function excerpt(content: string, words: readonly string[]): DocumentFragment {
  const tokens = content.split(' ');
  const hits = matchedWords(tokens.map((t) => searchWords(t).join('')), words);
  let start = 0;
  let best = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!hits.has(i)) continue;
    let count = 0;
    for (let j = i; j < Math.min(tokens.length, i + EXCERPT_WORDS); j++) if (hits.has(j)) count += 1;
    if (count > best) [best, start] = [count, Math.max(0, i - 4)];
  }
  const end = Math.min(tokens.length, start + EXCERPT_WORDS);
  const out = document.createDocumentFragment();
  if (start > 0) out.append('… ');
  for (let i = start; i < end; i++) {
    const text = searchDisplay(tokens[i]!);
    if (hits.has(i)) out.append(Object.assign(document.createElement('mark'), { textContent: text }));
    else out.append(text);
    if (i < end - 1) out.append(' ');
  }
  if (end < tokens.length) out.append(' …');
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function resultItem(fragment: Fragment, words: readonly string[], services: Map<string, string>): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a', '', searchDisplay(fragment.meta.title ?? fragment.url));
  link.href = fragment.url;
  heading.append(link);
  const meta = element('p', 'meta');
  const service = fragment.filters.service?.[0] ?? '';
  meta.append(element('span', 'service', services.get(service) ?? service), element('span', 'date', fragment.filters.date?.[0] ?? ''));
  const text = element('p', 'search-excerpt');
  text.append(excerpt(fragment.content, words));
  item.append(heading, meta, text);
  return item;
}

interface Recent {
  index: string | null;
  superseded: string[];
}

/**
 * The recent index (records changed since their shards were indexed) and the ids of the shards'
 * pages it supersedes, from the file the build writes beside the index. A theme without that
 * file's address searches the shards alone.
 */
async function recentIndex(url: string | undefined): Promise<Recent> {
  if (!url) return { index: null, superseded: [] };
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const data = (await response.json()) as Partial<Recent>;
  return {
    index: typeof data.index === 'string' ? data.index : null,
    superseded: Array.isArray(data.superseded) ? data.superseded.filter((id): id is string => typeof id === 'string') : [],
  };
}

function start(section: HTMLElement): void {
  const form = section.querySelector<HTMLFormElement>('.search-form')!;
  const status = section.querySelector<HTMLElement>('.search-status')!;
  const list = section.querySelector<HTMLOListElement>('.search-results')!;
  const more = section.querySelector<HTMLButtonElement>('.search-more')!;
  const base = section.dataset.base ?? '/';
  const indexes = (section.dataset.indexes ?? '').split(' ').filter(Boolean);
  const title = document.title;
  // Service names as the filter shows them, by slug.
  const services = new Map([...form.querySelectorAll<HTMLOptionElement>('select[name=service] option')].map((o) => [o.value, o.text.trim()]));
  let engine: Promise<Pagefind> | undefined;
  let generation = 0;

  // Pages of the shards that newer records (in the recent index) supersede: never shown.
  let superseded = new Set<string>();
  const load = () =>
    (engine ??= (async () => {
      const [pagefind, recent] = await Promise.all([import(indexes[0] + 'pagefind.js') as Promise<Pagefind>, recentIndex(section.dataset.recent)]);
      await pagefind.options({ basePath: indexes[0], baseUrl: base });
      await Promise.all([...indexes.slice(1), ...(recent.index ? [recent.index] : [])].map((url) => pagefind.mergeIndex(url, { baseUrl: base })));
      superseded = new Set(recent.superseded);
      return pagefind;
    })().catch((error: unknown) => {
      // Tried again at the next search, not stuck on one failed request.
      engine = undefined;
      throw error;
    }));

  const fromUrl = (): Query => {
    const params = new URLSearchParams(location.search);
    return { q: params.get('q') ?? '', service: params.get('service') ?? '', year: params.get('year') ?? '' };
  };
  const fromForm = (): Query => {
    const data = new FormData(form);
    return { q: String(data.get('q') ?? ''), service: String(data.get('service') ?? ''), year: String(data.get('year') ?? '') };
  };
  const fill = (query: Query) => {
    (form.elements.namedItem('q') as HTMLInputElement).value = query.q;
    (form.elements.namedItem('service') as HTMLSelectElement).value = query.service;
    (form.elements.namedItem('year') as HTMLSelectElement).value = query.year;
  };

  const show = async (query: Query) => {
    const run = ++generation;
    list.replaceChildren();
    more.hidden = true;
    const queries = searchQueries(query.q.slice(0, MAX_QUERY));
    document.title = query.q.trim() ? `${query.q.trim()} — ${title}` : title;
    if (queries.length === 0) return void (status.textContent = '');
    if (indexes.length === 0) return void (status.textContent = 'هنوز خبری برای جست‌وجو منتشر نشده است.');
    status.textContent = 'در حال جست‌وجو…';
    const filters: Record<string, string> = {};
    if (query.service) filters.service = query.service;
    if (query.year) filters.year = query.year;
    let results: Result[] = [];
    try {
      const pagefind = await load();
      const seen = new Set<string>();
      for (const term of queries) {
        // The query as written first, then its other spellings' results that are new.
        for (const result of (await pagefind.search(term, { filters })).results) {
          if (seen.has(result.id) || superseded.has(result.id)) continue;
          seen.add(result.id);
          results.push(result);
        }
      }
    } catch {
      if (run === generation) status.textContent = 'جست‌وجو اکنون در دسترس نیست؛ کمی بعد دوباره امتحان کنید.';
      return;
    }
    if (run !== generation) return;
    const quoted = `«${query.q.trim()}»`;
    if (results.length === 0) {
      status.textContent = `نتیجه‌ای برای ${quoted} پیدا نشد. املای دیگری را امتحان کنید یا فیلترها را بردارید.`;
      return;
    }
    const words = [...new Set(queries.flatMap((term) => term.split(' ')))];
    const page = async () => {
      const batch = results.slice(list.children.length, list.children.length + PAGE_SIZE);
      const fragments = await Promise.all(batch.map((r) => r.data()));
      if (run !== generation) return;
      list.append(...fragments.map((f) => resultItem(f, words, services)));
      more.hidden = list.children.length >= results.length;
    };
    const next = () =>
      page().then(
        () => run === generation,
        () => {
          if (run === generation) status.textContent = 'بخشی از نتیجه‌ها بار نشد؛ کمی بعد دوباره امتحان کنید.';
          return false;
        },
      );
    more.onclick = () => void next();
    // Announced once the first results are on the page, so the count and the list agree.
    if (await next()) status.textContent = `${toPersianDigits(String(results.length))} نتیجه برای ${quoted}`;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = fromForm();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value.trim()) params.set(key, value.trim());
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    void show(query);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT' && fromForm().q.trim()) form.requestSubmit();
  });
  // The URL's query, as far as the form can hold it (a service or year the site does not have is dropped).
  const restore = () => {
    fill(fromUrl());
    return fromForm();
  };
  window.addEventListener('popstate', () => void show(restore()));
  const query = restore();
  if (query.q.trim()) void show(query);
  else (form.elements.namedItem('q') as HTMLInputElement).focus();
}

if (typeof document !== 'undefined') {
  const section = document.querySelector<HTMLElement>('.search');
  if (section) start(section);
}
