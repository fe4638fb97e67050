import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputFile } from '../config/index.ts';
import type { Output } from '../pages/index.ts';
import { readManifest, writeManifest, type ManifestEntry } from './manifest.ts';

/** What a build did to `dist/`. */
export interface WriteStats {
  /** Files whose bytes changed or are new. */
  written: number;
  /** Files left untouched (same bytes; modification time kept). */
  unchanged: number;
  /** Outputs whose key matched the previous build: not even rendered. */
  skipped: number;
  /** Stale files from earlier builds, removed. */
  removed: number;
}

async function listFiles(dir: string, base = dir, found: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(abs, base, found);
    else found.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return found;
}

// Remove folders left empty by stale files, deepest first.
async function pruneEmpty(dir: string, isRoot = true): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && (await pruneEmpty(path.join(dir, entry.name), false))) continue;
    empty = false;
  }
  if (empty && !isRoot) await rmdir(dir);
  return empty;
}

/**
 * Writes a build into `dist/` all or nothing. Changed files go to a staging folder beside
 * `dist/` first; only `commit()` moves them in and removes stale files, so a build that fails
 * before that leaves the previous `dist/` exactly as it was. A file whose bytes did not change
 * is never rewritten, and an output whose key matches the previous build is not rendered.
 */
export class OutputWriter {
  private readonly previous: Map<string, ManifestEntry>;
  private readonly next = new Map<string, ManifestEntry>();
  private readonly staged: string[] = [];
  private readonly staging: string;
  private readonly stats: WriteStats = { written: 0, unchanged: 0, skipped: 0, removed: 0 };

  constructor(
    private readonly outDir: string,
    private readonly manifestFile: string,
  ) {
    this.previous = readManifest(manifestFile);
    this.staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging`);
  }

  /** Remove a staging folder left by a build that was killed. */
  async start(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }

  /** Add one output to the build. */
  async emit(output: Output): Promise<void> {
    const file = outputFile(output.path);
    if (this.next.has(file)) throw new Error(`Two outputs write \`${file}\` (the second is ${output.path}); this is a bug in bayegan.`);
    const target = path.join(this.outDir, file);
    const current = await stat(target).catch(() => undefined);
    const before = this.previous.get(file);
    if (current && before && before.key === output.key && before.size === current.size && before.mtimeMs === current.mtimeMs) {
      this.next.set(file, before);
      this.stats.skipped += 1;
      return;
    }
    const content = await output.content();
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (current && current.size === bytes.length && Buffer.compare(await readFile(target), bytes) === 0) {
      this.next.set(file, { key: output.key, size: current.size, mtimeMs: current.mtimeMs });
      this.stats.unchanged += 1;
      return;
    }
    const staged = path.join(this.staging, file);
    await mkdir(path.dirname(staged), { recursive: true });
    await writeFile(staged, bytes);
    this.next.set(file, { key: output.key, size: bytes.length, mtimeMs: 0 });
    this.staged.push(file);
  }

  /** Move staged files into `dist/`, remove stale files, and record what was written. */
  async commit(): Promise<WriteStats> {
    await mkdir(this.outDir, { recursive: true });
    for (const file of this.staged) {
      const target = path.join(this.outDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      // A folder where a file must go (or the reverse) is stale output: clear it first.
      if (existsSync(target) && (await stat(target)).isDirectory()) await rm(target, { recursive: true });
      await rename(path.join(this.staging, file), target);
      this.next.get(file)!.mtimeMs = (await stat(target)).mtimeMs;
      this.stats.written += 1;
    }
    for (const file of await listFiles(this.outDir)) {
      if (this.next.has(file)) continue;
      await rm(path.join(this.outDir, file), { force: true });
      this.stats.removed += 1;
    }
    await pruneEmpty(this.outDir);
    await rm(this.staging, { recursive: true, force: true });
    writeManifest(this.manifestFile, this.next);
    return { ...this.stats };
  }

  /** Forget the build: `dist/` is untouched. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
