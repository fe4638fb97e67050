import { mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { outputFile } from '../config/index.ts';
import { isTemplateOutput, type DataOutput, type Output, type PageJob } from '../pages/index.ts';
import { entryLine, parseEntry, readManifest, writeManifest, type Manifest } from './manifest.ts';
import { stageFile, stagingFolder, type Staged } from './stage.ts';

/** What a build did to `dist/`. */
export interface WriteStats {
  /** Files whose bytes changed or are new. */
  written: number;
  /** Files rendered again whose bytes did not change (left untouched, time kept). */
  unchanged: number;
  /** Outputs whose key matched the previous build: not even rendered. */
  skipped: number;
  /** Stale files from earlier builds, removed. */
  removed: number;
  /** The files written and removed, by name, when the writer was asked to list them (`--verbose`). */
  lists?: { written: string[]; removed: string[] };
}

/** Renders template outputs somewhere (a worker pool), staging each and reporting what it found. */
export type PageRenderer = (pages: PageJob[]) => Promise<Array<Staged & { file: string }>>;

// Outputs are checked against the manifest this many at a time (their stats run concurrently).
const WINDOW = 256;
// Template outputs go to the renderer in batches of this size.
const BATCH = 32;

async function listFiles(dir: string, base = dir, found: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(abs, base, found);
    else found.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return found;
}

// Remove the folders that removing stale files left empty, and their parents if they empty too.
async function pruneEmpty(outDir: string, folders: Set<string>): Promise<void> {
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (let folder of deepestFirst) {
    while (folder !== '.' && folder !== '') {
      const abs = path.join(outDir, folder);
      if ((await readdir(abs).catch(() => ['?'])).length > 0) break;
      await rmdir(abs).catch(() => undefined);
      folder = path.dirname(folder);
    }
  }
}

/**
 * Writes a build into `dist/` all or nothing. Changed files go to a staging folder beside
 * `dist/` first; only `commit()` moves them in and removes stale files, so a build that fails
 * before that leaves the previous `dist/` exactly as it was. A file whose bytes did not change
 * is never rewritten, and an output whose key matches the previous build is not rendered.
 */
export class OutputWriter {
  private readonly previous: Manifest;
  private readonly next: Manifest = new Map();
  private readonly staged: string[] = [];
  private readonly staging: string;
  private readonly stats: WriteStats = { written: 0, unchanged: 0, skipped: 0, removed: 0 };
  private pending: Output[] = [];
  private readonly removedFiles: string[] = [];
  private readonly listFiles: boolean;

  constructor(
    private readonly outDir: string,
    private readonly manifestFile: string,
    private readonly renderPages: PageRenderer,
    options: { listFiles?: boolean } = {},
  ) {
    this.previous = readManifest(manifestFile);
    this.staging = stagingFolder(outDir);
    this.listFiles = options.listFiles ?? false;
  }

  /** Remove a staging folder left by a build that was killed. */
  async start(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }

  /** Add one output to the build (written for real by `flush`, at the latest by `commit`). */
  async emit(output: Output): Promise<void> {
    this.pending.push(output);
    if (this.pending.length >= WINDOW) await this.flush();
  }

  private record(file: string, key: string, staged: Staged): void {
    this.next.set(file, entryLine({ key, size: staged.size, mtimeMs: staged.mtimeMs ?? 0 }));
    if (staged.changed) this.staged.push(file);
    else this.stats.unchanged += 1;
  }

  /** Skip what the manifest vouches for; render, compare and stage the rest. */
  async flush(): Promise<void> {
    const outputs = this.pending;
    this.pending = [];
    const files = outputs.map((o) => outputFile(o.path));
    for (const [index, file] of files.entries()) {
      if (this.next.has(file)) throw new Error(`Two outputs write \`${file}\` (the second is ${outputs[index]!.path}); this is a bug in bayegan.`);
      // Claimed now, filled in below, so a second output for the same file in this window is caught too.
      this.next.set(file, '');
    }
    // Synchronous stat is several times cheaper than the promise API for this many small calls.
    const current = files.map((file) => statSync(path.join(this.outDir, file), { throwIfNoEntry: false }));
    const templates: PageJob[] = [];
    const data: Array<[DataOutput, string]> = [];
    outputs.forEach((output, index) => {
      const file = files[index]!;
      const line = this.previous.get(file);
      const before = line === undefined ? undefined : parseEntry(line);
      const now = current[index];
      if (now && before && before.key === output.key && before.size === now.size && before.mtimeMs === now.mtimeMs) {
        this.next.set(file, line!);
        this.stats.skipped += 1;
      } else if (isTemplateOutput(output)) {
        const job: PageJob = { file, template: output.template, context: output.context() };
        if (output.body) job.body = output.body;
        templates.push(job);
      }
      else data.push([output, file]);
    });
    const keys = new Map(outputs.map((o, i) => [files[i]!, o.key]));
    const batches: Array<typeof templates> = [];
    for (let i = 0; i < templates.length; i += BATCH) batches.push(templates.slice(i, i + BATCH));
    const rendered = Promise.all(batches.map((batch) => this.renderPages(batch)));
    for (const [output, file] of data) this.record(file, output.key, stageFile(this.outDir, file, await output.content()));
    for (const results of await rendered) for (const result of results) this.record(result.file, keys.get(result.file)!, result);
  }

  /** Move staged files into `dist/`, remove stale files, and record what was written. */
  async commit(): Promise<WriteStats> {
    await this.flush();
    if (this.swapIn()) return this.finish();
    mkdirSync(this.outDir, { recursive: true });
    const made = new Set<string>();
    for (const file of this.staged) {
      const target = path.join(this.outDir, file);
      const folder = path.dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      // A folder where a file must go is stale output: clear it first.
      if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) await rm(target, { recursive: true });
      renameSync(path.join(this.staging, file), target);
      this.next.set(file, entryLine({ ...parseEntry(this.next.get(file)!), mtimeMs: statSync(target).mtimeMs }));
      this.stats.written += 1;
    }
    // The manifest names what the last build wrote; without one, walk dist/ to find what is stale.
    const before = this.previous.size > 0 ? [...this.previous.keys()] : await listFiles(this.outDir);
    const emptied = new Set<string>();
    for (const file of before) {
      if (this.next.has(file)) continue;
      await rm(path.join(this.outDir, file), { force: true });
      emptied.add(path.dirname(file));
      this.stats.removed += 1;
      if (this.listFiles) this.removedFiles.push(file);
    }
    await pruneEmpty(this.outDir, emptied);
    return this.finish();
  }

  /**
   * A first build (no `dist/`, or an empty one) staged every file: the staging folder becomes
   * `dist/` in one rename instead of one per file.
   */
  private swapIn(): boolean {
    const existing = statSync(this.outDir, { throwIfNoEntry: false });
    if (existing && (!existing.isDirectory() || readdirSync(this.outDir).length > 0)) return false;
    if (this.staged.length !== this.next.size) return false;
    if (existing) rmdirSync(this.outDir);
    mkdirSync(this.staging, { recursive: true });
    renameSync(this.staging, this.outDir);
    for (const file of this.staged) {
      this.next.set(file, entryLine({ ...parseEntry(this.next.get(file)!), mtimeMs: statSync(path.join(this.outDir, file)).mtimeMs }));
    }
    this.stats.written += this.staged.length;
    return true;
  }

  private async finish(): Promise<WriteStats> {
    await rm(this.staging, { recursive: true, force: true });
    const same = this.next.size === this.previous.size && [...this.next].every(([file, entry]) => this.previous.get(file) === entry);
    if (!same) writeManifest(this.manifestFile, this.next);
    return { ...this.stats, ...(this.listFiles && { lists: { written: [...this.staged].sort(), removed: this.removedFiles.sort() } }) };
  }

  /** Forget the build: `dist/` is untouched. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
