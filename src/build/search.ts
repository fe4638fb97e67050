import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../config/index.ts';
import path from 'node:path';
import { hasSearchPage, searchOutputs, type IndexedShard, type SearchInputs, type SearchMemo, type SearchOutputs, type ShardState } from '../outputs/index.ts';
import type { Theme, ThemeAssets } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';
import { createRunner, PAGE_THREADS, type Runner } from './pool.ts';
import { bodyRefs, type CheckedProject } from './run.ts';

const FORMAT = 'bayegan-search-2';
// Shards indexed at once while pages are rendered, each on a thread with a Pagefind process of its
// own: beside two page threads, a second costs memory and, on two cores, no time. Once the pages
// are done (`widen`), one per core: Pagefind's indexing is single-threaded, and a build from nothing
// spent the last third of its pages phase indexing on one core with the other idle.
const SEARCH_THREADS = 1;
// A shard's records pass through one by one; its index files (a few MB) are the thread's largest data.
const SEARCH_HEAP_MB = 128;
const SEARCH_POOL_THRESHOLD = 64;
// What a line of the file may hold: an index (a shard's first month or `recent`), keys,
// Pagefind's own file names and page ids, and the site's own article URLs.
const NAME = /^(?:\d{5,6}|recent)$/;
const KEY = /^[0-9a-f]{40}$/;
const FILE = /^(?:[a-z0-9_-]+\/)?[a-z0-9_.-]+$/;
const URL = /^\/[^\s\\]*\/$/;
const ID = /^[a-z0-9_]+$/;

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** One index's state as lines: the index, then a line per page. */
function linesOf(state: ShardState): string[] {
  return [['index', state.name, state.base, state.key, ...state.files].join('\t'), ...state.pages.map((p) => ['page', p.url, p.key, p.id].join('\t'))];
}

/** The states of the lines of the file, or none if one line is not what the file may hold. */
function statesOf(lines: string[]): ShardState[] {
  const states: ShardState[] = [];
  for (const line of lines) {
    const [kind, ...fields] = line.split('\t');
    if (kind === 'index') {
      const [name = '', base = '', key = '', ...files] = fields;
      if (!NAME.test(name) || !KEY.test(base) || !KEY.test(key) || !files.every((f) => FILE.test(f) && !f.includes('..'))) return [];
      states.push({ name, base, key, files, pages: [] });
    } else if (kind === 'page' && states.length > 0 && fields.length === 3) {
      const [url = '', key = '', id = ''] = fields;
      if (!URL.test(url) || !KEY.test(key) || !ID.test(id)) return [];
      states[states.length - 1]!.pages.push({ url, key, id });
    } else return [];
  }
  return states;
}

/**
 * The indexes' states in `.cache/search-index.tsv`: per index a line `index<TAB>name<TAB>base<TAB>key<TAB>file…`
 * and a line `page<TAB>url<TAB>key<TAB>id` per record, then the SHA-1 of those lines. A file that is
 * damaged, foreign or holds an unexpected name is not trusted at all: every shard is indexed again.
 */
export function searchMemo(cacheDir: string): SearchMemo {
  const file = path.join(cacheDir, 'search-index.tsv');
  return {
    read() {
      let lines: string[];
      try {
        lines = readFileSync(file, 'utf8').split('\n');
      } catch {
        return [];
      }
      const body = lines.slice(0, -2);
      if (body[0] !== FORMAT || lines[lines.length - 1] !== '' || lines[lines.length - 2] !== digest(body.join('\n'))) return [];
      return statesOf(body.slice(1));
    },
    write(states: ShardState[]) {
      const body = [FORMAT, ...states.flatMap(linesOf)].join('\n');
      store(file, `${body}\n${digest(body)}\n`);
    },
    bundle(key, make) {
      // One bundle is kept; its first line holds its digest and the SHA-1 of its bytes.
      const bundleFile = path.join(cacheDir, 'search-script.js');
      try {
        const text = readFileSync(bundleFile, 'utf8');
        const [head = '', check = ''] = text.slice(0, text.indexOf('\n')).split(' ');
        const script = text.slice(text.indexOf('\n') + 1);
        if (head === key && check === digest(script)) return new TextEncoder().encode(script);
      } catch {
        // No bundle yet, or not readable: make it.
      }
      const bytes = make();
      const script = new TextDecoder().decode(bytes);
      store(bundleFile, `${key} ${digest(script)}\n${script}`);
      return bytes;
    },
  };
}

// A cache that cannot be written only makes the next build do the work again.
function store(file: string, text: string): void {
  try {
    writeFileAtomic(file, text);
  } catch {
    // Not kept: made again next time.
  }
}

/**
 * The search page of a build and its index (none when the theme has no search page). The index
 * is started here and made on a thread of its own (which drives a Pagefind process) while the
 * build renders its pages; `took` is how long it took. `close` stops that thread once the build
 * has written the index (an unchanged shard is indexed only when the writer asks for a file).
 */
export function searchOutputsOf(
  project: CheckedProject,
  model: SiteModel,
  theme: Theme,
  intact: SearchInputs['intact'],
  assets?: ThemeAssets,
): (SearchOutputs & { took: Promise<number>; widen: () => void; close: () => Promise<void> }) | undefined {
  const { paths, settings } = project;
  if (!hasSearchPage(paths.templates)) return undefined;
  const htmlRoot = path.join(paths.cache, 'html');
  const started = performance.now();
  const runners: Runner[] = [];
  let closed = false;
  const inline = createRunner(0);
  // With no threads (BAYEGAN_THREADS=0) one shard at a time, in this thread.
  const gate = new Gate(Math.max(1, Math.min(project.threads, SEARCH_THREADS)));
  const search = searchOutputs({
    model,
    paths,
    theme,
    memo: searchMemo(paths.cache),
    ...(assets && { assets }),
    body: bodyRefs(project),
    intact,
    index: (make) =>
      gate.run((slot) => {
        if (closed) return Promise.reject(new Error('Search index: the build has stopped.'));
        const job = make();
        // A small shard is indexed here: starting a thread would cost more than its records.
        // Each slot has a thread of its own, so shards at once are on threads of their own.
        const on = job.records.length >= SEARCH_POOL_THRESHOLD ? (runners[slot] ??= createRunner(Math.min(project.threads, 1), { ...PAGE_THREADS, heapMb: SEARCH_HEAP_MB })) : inline;
        return on.run<IndexedShard>({ kind: 'search', job, settings, htmlRoot });
      }),
  });
  // Awaited after the pages; until then a failure must not be an unhandled rejection.
  const took = search.index.done.then(
    () => performance.now() - started,
    () => 0,
  );
  // Once closed, no shard is started again; closing twice is closing once.
  const close = async () => {
    closed = true;
    const running = runners.splice(0);
    await Promise.all(running.map((r) => r.close()));
  };
  const widen = () => gate.widen(project.threads);
  return { ...search, took, widen, close };
}

/**
 * Runs work at most `width` at a time, first come first served; each runs with a slot number
 * below the width, not used by another at the same time.
 */
export class Gate {
  private readonly free: number[] = [];
  private readonly waiting: Array<(slot: number) => void> = [];
  private width = 0;

  constructor(width: number) {
    this.widen(width);
  }

  /** Let up to `width` run at once from now on (never fewer than before). */
  widen(width: number): void {
    while (this.width < width) this.release(this.width++);
  }

  async run<T>(work: (slot: number) => Promise<T>): Promise<T> {
    const slot = this.free.pop() ?? (await new Promise<number>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(slot);
    } finally {
      this.release(slot);
    }
  }

  private release(slot: number): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }
}
