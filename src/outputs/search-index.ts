import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../config/index.ts';
import type { BodyRef } from '../pages/index.ts';
import { recordOf, type RecordInput, type SearchRecord } from './search-records.ts';

type PagefindApi = typeof import('pagefind');

/**
 * The `pagefind` package's folder, looked up the way Node looks up bayegan's own dependencies.
 * Its `exports` allow `import` only, and the bundled CLI may run from outside the package, so it
 * is found by path and imported by URL.
 */
function pagefindFolder(): string {
  const candidates = createRequire(path.join(packageRoot, 'package.json')).resolve.paths('pagefind') ?? [];
  const found = candidates.map((dir) => path.join(dir, 'pagefind')).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!found) throw new Error('Search index: the `pagefind` package is not installed; run `npm ci`.');
  return found;
}

/** The version of the Pagefind binary that indexes (part of every index key). */
export function pagefindVersion(): string {
  return (JSON.parse(readFileSync(path.join(pagefindFolder(), 'package.json'), 'utf8')) as { version: string }).version;
}

function loadPagefind(): Promise<PagefindApi> {
  return import(pathToFileURL(path.join(pagefindFolder(), 'lib/index.js')).href) as Promise<PagefindApi>;
}

/** What the page needs besides an index: the script, its worker and WebAssembly (kept in the first shard only). */
const RUNTIME = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z0-9_-]+\.pagefind)$/;
/** An index proper: its entry, metadata, word chunks, filters and one fragment per article. */
const INDEX = /^(?:pagefind-entry\.json|pagefind\.[a-z0-9_-]+\.pf_meta|(?:index|fragment|filter)\/[a-z0-9_-]+\.pf_(?:index|fragment|filter))$/;
// Records in flight to the Pagefind process at once: enough to keep it busy, few bodies in memory.
const IN_FLIGHT = 64;

function failure(what: string, errors: readonly string[]): Error {
  return new Error(`Search index: Pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * Index records with Pagefind's Node API and return its files (path → bytes), never writing
 * anything itself: the build publishes them through the writer. The default UI, its styles and
 * the playground are left out; the runtime only when `runtime` is set.
 */
export async function indexRecords(records: AsyncIterable<SearchRecord>, runtime: boolean): Promise<Map<string, Uint8Array>> {
  const pagefind = await loadPagefind();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fa' }).catch((error: unknown) => {
    throw new Error(`Search index: Pagefind could not start (${(error as Error).message}); its binary comes with the \`@pagefind/<platform>\` package: run \`npm ci\`.`, { cause: error });
  });
  if (!index) throw failure('could not start', errors);
  try {
    let pending: Array<Promise<{ errors: string[] }>> = [];
    const settle = async () => {
      const problems = (await Promise.all(pending)).flatMap((r) => r.errors);
      pending = [];
      if (problems.length > 0) throw failure('refused a record', problems);
    };
    for await (const record of records) {
      pending.push(index.addCustomRecord(record));
      if (pending.length >= IN_FLIGHT) await settle();
    }
    await settle();
    const result = await index.getFiles();
    if (result.errors.length > 0) throw failure('could not write the index', result.errors);
    const files = new Map<string, Uint8Array>();
    for (const file of result.files) {
      const name = file.path.replace(/\\/g, '/');
      if (INDEX.test(name) || (runtime && RUNTIME.test(name))) files.set(name, file.content);
    }
    return files;
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}

/** One shard to index, as plain data (it may be indexed in another thread). */
export interface ShardJob {
  records: RecordInput[];
  /** Keep Pagefind's runtime (the first shard's). */
  runtime: boolean;
}

/** An index's files (path → bytes) and Pagefind's id for each record's page, by URL (none if they cannot all be told). */
export interface IndexedShard {
  files: Map<string, Uint8Array>;
  pages: Array<[url: string, id: string]>;
}

const FRAGMENT = /^fragment\/([a-z0-9_]+)\.pf_fragment$/;
// Pagefind's compressed files start, once inflated, with this signature.
const SIGNATURE = 'pagefind_dcd';

/**
 * Pagefind's id of each page of an index (a search result's `id`), read from its fragments. If a
 * record has no fragment of its own (Pagefind grouped them), none is given: such an index can be
 * replaced, never patched.
 */
export function pageIds(files: Map<string, Uint8Array>, records: number): Array<[string, string]> {
  const pages: Array<[string, string]> = [];
  for (const [name, bytes] of files) {
    const id = FRAGMENT.exec(name)?.[1];
    if (!id) continue;
    try {
      const text = gunzipSync(bytes).toString('utf8');
      const url = text.startsWith(SIGNATURE) ? (JSON.parse(text.slice(SIGNATURE.length)) as { url?: unknown }).url : undefined;
      if (typeof url === 'string') pages.push([url, id]);
    } catch {
      return [];
    }
  }
  return pages.length === records ? pages.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : [];
}

/** Index one shard: each record made from its input and its body (`html` reads it), then Pagefind. */
export async function indexShard(job: ShardJob, html: (body: BodyRef) => string): Promise<IndexedShard> {
  async function* records(): AsyncGenerator<SearchRecord> {
    for (const input of job.records) yield recordOf(input, html(input.body));
  }
  const files = await indexRecords(records(), job.runtime);
  return { files, pages: pageIds(files, job.records.length) };
}
