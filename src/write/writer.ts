import { renameSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { outputFile, type ProjectPaths } from '../config/index.ts';
import { isTemplateOutput, type DataOutput, type Output, type PageJob } from '../pages/index.ts';
import type { LockHolder } from './lock.ts';
import { entryLine, FOREIGN, UNKNOWN, writeManifest, type Manifest } from './manifest.ts';
import { MARKER, markerText, treeId } from './marker.ts';
import { OutputFolder } from './output-folder.ts';
import { resolveInside, unsafeReason, UnsafeOutputPath } from './safe-path.ts';
import { stageFile, type Staged } from './stage.ts';
import { pruneEmpty, removeFrom } from './tree.ts';

/** What a build did to the output folder. */
export interface WriteStats {
  /** Files whose bytes changed or are new. */
  written: number;
  /** Files rendered again whose bytes did not change (left untouched, time kept). */
  unchanged: number;
  /** Outputs whose key matched the previous build: not even rendered. */
  skipped: number;
  /** Files of earlier builds that this one does not make, removed. */
  removed: number;
  /** Files in the output folder that bayegan did not make, kept. */
  kept: number;
  /** The files written and removed, by name, when the writer was asked to list them (`--verbose`). */
  lists?: { written: string[]; removed: string[] };
}

/** Renders template outputs somewhere (a worker pool), staging each in `tree` and reporting what it found. */
export type PageRenderer = (pages: PageJob[], tree: string) => Promise<Array<Staged & { file: string }>>;

/** Options of an {@link OutputWriter}. */
export interface WriterOptions {
  /** Called once if another build holds the output folder and this one waits for it. */
  waiting?: (holder: LockHolder) => void;
  /** Name every file written and removed in the stats (`--verbose`). Default: false. */
  listFiles?: boolean;
}

// Outputs are checked against the manifest this many at a time.
const WINDOW = 256;
// Template outputs go to the renderer in batches of this size.
const BATCH = 32;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function sample(files: string[]): string {
  const shown = files.slice(0, 5).map((f) => `\`${f}\``).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}

// The manifest vouches for a file when its line is the one this output and the file now would
// write (see `entryLine`): key, size and time as the previous build recorded them; no parse per file.
function vouched(line: string | undefined, key: string, now: Stats | undefined): boolean {
  return line !== undefined && now?.isFile() === true && line === entryLine({ key, size: now.size, mtimeMs: now.mtimeMs });
}

/**
 * Writes a build into its output folder, all or nothing. Every file goes into a standby tree
 * (a copy of the live site made of hard links, kept in the cache); `commit()` removes what this
 * build no longer makes, keeps files bayegan did not make, and renames the tree into place. A
 * build that fails or is killed before that leaves the live site exactly as it was. A file
 * whose bytes did not change is never rewritten, and an output whose key matches the previous
 * build is not rendered. Every path is checked here, whoever made it.
 */
export class OutputWriter {
  private readonly folder: OutputFolder;
  private previous: Manifest = new Map();
  private owned: Set<string> | undefined = new Set<string>();
  private readonly next: Manifest = new Map();
  private readonly stats: WriteStats = { written: 0, unchanged: 0, skipped: 0, removed: 0, kept: 0 };
  private pending: Output[] = [];
  private readonly writtenFiles: string[] = [];
  private readonly removedFiles: string[] = [];
  private started = false;
  /** Problems with the cache or the output folder that were repaired: for the user to know. */
  readonly warnings: string[] = [];

  constructor(
    paths: ProjectPaths,
    private readonly renderPages: PageRenderer,
    private readonly options: WriterOptions = {},
  ) {
    this.folder = new OutputFolder(paths);
  }

  /** The tree this build writes into (for renderers in other threads). */
  get tree(): string {
    return this.folder.standby;
  }

  /** Take the output folder (waiting for another build of it) and prepare the tree to write into. */
  async start(): Promise<void> {
    const claimed = await this.folder.claim(this.options.waiting);
    this.started = true;
    this.previous = claimed.manifest;
    this.owned = claimed.owned;
    this.warnings.push(...claimed.warnings);
  }

  /** Whether an output's file is in the tree as the previous build made it, with this key (after `start`). */
  vouches(output: Pick<Output, 'path' | 'key'>): boolean {
    if (!this.started) return false;
    const file = this.fileOf(output);
    const line = this.previous.get(file);
    return vouched(line, output.key, line === undefined ? undefined : statSync(resolveInside(this.tree, file), { throwIfNoEntry: false }));
  }

  /**
   * Add one output to the build (written for real by `flush`, at the latest by `commit`). Returns
   * the flush it started, to be awaited, when it filled a window; nothing otherwise (a promise
   * per output would cost more than most outputs do).
   */
  emit(output: Output): Promise<void> | undefined {
    this.pending.push(output);
    return this.pending.length >= WINDOW ? this.flush() : undefined;
  }

  private record(file: string, key: string, staged: Staged): void {
    this.next.set(file, entryLine({ key, size: staged.size, mtimeMs: staged.mtimeMs }));
    if (staged.changed) {
      this.stats.written += 1;
      if (this.options.listFiles) this.writtenFiles.push(file);
    } else this.stats.unchanged += 1;
  }

  // The output file of a site path, refused if it would leave the output folder.
  private fileOf(output: Pick<Output, 'path'>): string {
    let file: string;
    try {
      file = outputFile(output.path);
    } catch {
      throw new UnsafeOutputPath(output.path, 'a malformed percent-escape');
    }
    const reason = unsafeReason(file) ?? (file === MARKER ? 'the name of bayegan’s marker' : undefined);
    if (reason) throw new UnsafeOutputPath(file, reason);
    return file;
  }

  /** Skip what the manifest vouches for; render, compare and stage the rest. */
  async flush(): Promise<void> {
    const outputs = this.pending;
    this.pending = [];
    const files = outputs.map((o) => this.fileOf(o));
    for (const [index, file] of files.entries()) {
      if (this.next.has(file)) throw new Error(`Two outputs write \`${file}\` (the second is ${outputs[index]!.path}); this is a bug in bayegan.`);
      // Claimed now, filled in below, so a second output for the same file in this window is caught too.
      this.next.set(file, '');
    }
    const tree = this.tree + path.sep;
    const templates: PageJob[] = [];
    // The key of each file given to the renderer, which answers for those files and no others.
    const keys = new Map<string, string>();
    const data: Array<[DataOutput, string]> = [];
    outputs.forEach((output, index) => {
      const file = files[index]!;
      const line = this.previous.get(file);
      // Synchronous stat is several times cheaper than the promise API for this many small calls.
      // Each file was refused above if it could leave the tree, so it is joined as it is.
      const now = line === undefined ? undefined : statSync(tree + file, { throwIfNoEntry: false });
      if (vouched(line, output.key, now)) {
        this.next.set(file, line!);
        this.stats.skipped += 1;
      } else if (isTemplateOutput(output)) {
        const job: PageJob = { file, template: output.template, context: output.context() };
        if (output.body) job.body = output.body;
        templates.push(job);
        keys.set(file, output.key);
      } else data.push([output, file]);
    });
    const batches: Array<typeof templates> = [];
    for (let i = 0; i < templates.length; i += BATCH) batches.push(templates.slice(i, i + BATCH));
    const rendered = Promise.all(batches.map((batch) => this.renderPages(batch, this.tree)));
    // Awaited below, after the data outputs: a rendering error meanwhile must not go unhandled.
    rendered.catch(() => undefined);
    for (const [output, file] of data) this.record(file, output.key, stageFile(this.tree, file, await output.content()));
    for (const results of await rendered) {
      for (const result of results) {
        // A renderer answers for the files it was given, and only for those.
        if (!keys.has(result.file)) throw new UnsafeOutputPath(result.file, 'a renderer answered for a file it was not given');
        this.record(result.file, keys.get(result.file)!, result);
      }
    }
  }

  /** Finish the new tree (stale files out, hand-made files kept, marker), then put it in place of the live site. */
  async commit(): Promise<WriteStats> {
    await this.flush();
    const tree = this.tree;
    const made = new Set(this.next.keys());
    // Only what bayegan knows it made may go: with its record lost, nothing is removed.
    const stale = [...(this.owned ?? [])].filter((file) => !made.has(file));
    for (const file of stale) {
      if (!removeFrom(tree, file)) continue;
      this.stats.removed += 1;
      if (this.options.listFiles) this.removedFiles.push(file);
    }
    pruneEmpty(tree, stale);
    const foreign = this.folder.carryForeign(this.owned, made);
    // Kept files are either known not to be bayegan's, or of unknown origin (its record was lost
    // when they were first kept): they stay apart in the manifest and in what the user is told.
    const isUnknown = (file: string) => !this.owned || this.previous.get(file)?.startsWith(`${UNKNOWN}\t`) === true;
    const unknown = foreign.kept.filter(isUnknown);
    const handMade = foreign.kept.filter((file) => !isUnknown(file));
    for (const file of foreign.kept) {
      const stat = statSync(resolveInside(tree, file));
      this.next.set(file, entryLine({ key: isUnknown(file) ? UNKNOWN : FOREIGN, size: stat.size, mtimeMs: stat.mtimeMs }));
    }
    this.stats.kept = foreign.kept.length;
    if (unknown.length > 0) {
      this.warnings.push(
        `Kept ${plural(unknown.length, 'file', 'files')} in the output folder that this build does not make: ${sample(unknown)}. bayegan's record of what it made there (in .cache/) was lost, so it cannot tell its old pages from files put there by hand; delete the output folder once for a clean site.`,
      );
    }
    if (handMade.length > 0) {
      this.warnings.push(
        `Kept ${plural(handMade.length, 'file', 'files')} in the output folder that bayegan did not make: ${sample(handMade)}. Put files the site needs in static/ instead.`,
      );
    }
    if (foreign.replaced.length > 0) {
      this.warnings.push(`Replaced ${plural(foreign.replaced.length, 'file', 'files')} that bayegan did not make with pages of the site: ${sample(foreign.replaced)}.`);
    }
    if (foreign.skipped.length > 0) {
      this.warnings.push(`Left out ${plural(foreign.skipped.length, 'entry', 'entries')} of the output folder that are not regular files (links, pipes): ${sample(foreign.skipped)}.`);
    }
    const id = treeId(made);
    stageFile(tree, MARKER, markerText(id));
    const places = this.folder.places;
    writeManifest(places.next, id, this.next);
    this.folder.recordChanges(this.previous, this.next, id);
    this.folder.swap();
    // The old live site is now the standby tree, and its manifest goes with it.
    rmSync(places.standbyManifest, { force: true });
    try {
      renameSync(places.live, places.standbyManifest);
    } catch {
      // No record of the old site: the next build makes the standby tree again.
    }
    renameSync(places.next, places.live);
    this.folder.release();
    return { ...this.stats, ...(this.options.listFiles && { lists: { written: this.writtenFiles.sort(), removed: this.removedFiles.sort() } }) };
  }

  /** Forget the build: the live site is untouched; the standby tree is left for the next build, which does not trust it. */
  async abort(): Promise<void> {
    this.release();
  }

  /** Release the output folder at once (for a signal handler); the live site is whole at every moment. */
  release(): void {
    if (this.started) this.folder.release();
  }
}

