import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { outputFile, type ProjectPaths } from '../config/index.ts';
import { isTemplateOutput, type DataOutput, type Output, type PageJob } from '../pages/index.ts';
import type { LockHolder } from './lock.ts';
import type { InspectJob, Inspection } from './inspect.ts';
import { entryLine, FOREIGN, hasKey, isAsRecorded, UNKNOWN, writeManifest, type Manifest } from './manifest.ts';
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
  /**
   * Runs the two looks at the disk that an edit of a large site spends most on (see
   * `inspectTree`) somewhere else, a thread, while the pages are made. Default: none; each file is
   * then checked as its output comes, and the live site listed when the build is committed.
   */
  inspect?: (job: InspectJob) => Promise<Inspection | undefined>;
  /**
   * A build that leaves no standby tree (the first into an empty folder) makes one after it has
   * published, so that the next build's first look at the output folder does not (see
   * `OutputFolder.keepStandby`), and so that a build with the cache but not the output folder
   * (a CI run that keeps `.cache/` alone) starts from it. Default: false (a small site).
   */
  keepStandby?: boolean;
}

// Outputs are checked against the manifest this many at a time.
const WINDOW = 256;
// While the files are being inspected elsewhere, outputs wait for the result up to this many (at
// 20,000 articles all of them: ~45 MB more than checking each window as it came, an edit's peak
// ~290 MB, a template change's ~420–460 MB against ~400).
const WAITING_LIMIT = 65_536;
// Template outputs go to the renderer in batches of this size.
const BATCH = 32;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function sample(files: string[]): string {
  const shown = files.slice(0, 5).map((f) => `\`${f}\``).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
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
  // The files found unlike their record by an inspection elsewhere, once it is done; undefined
  // without one (or when it failed): each file is then looked at as its output comes.
  private unlike: Set<string> | undefined;
  private inspecting: Promise<void> | undefined;
  private listing: Promise<Inspection | undefined> | undefined;
  /** Problems with the cache or the output folder that were repaired: for the user to know. */
  readonly warnings: string[] = [];
  /** The files of the standby tree when `start` had to make it again in full from the live site. */
  relinked: number | undefined;
  /** With no live site, the files of the earlier site kept in the cache that this build starts from (see `OutputFolder.standbyAsBase`). */
  restored: number | undefined;
  /** The files of the standby tree that `commit` made for the next build (see `keepStandby`). */
  keptStandby: number | undefined;

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
    this.relinked = claimed.relinked;
    this.restored = claimed.restored;
    this.warnings.push(...claimed.warnings);
    const record = this.folder.liveRecord;
    const inspect = this.options.inspect;
    if (!inspect || !record || this.previous.size === 0) return;
    // A failed inspection only means looking at each file here, as without one.
    const files = inspect({ part: 'files', record: record.record, id: record.id, tree: this.tree }).catch(() => undefined);
    this.inspecting = files.then((found) => {
      if (found?.unlike) this.unlike = new Set(found.unlike);
      this.inspecting = undefined;
    });
    if (this.owned) this.listing = inspect({ part: 'live', record: record.record, id: record.id, out: this.folder.paths.out, since: record.since }).catch(() => undefined);
  }

  /**
   * Whether these outputs' files are in the tree as the previous build made them, with these keys
   * (after `start`; false before). Looked at now if the inspection is not done: the search index
   * asks this of a few thousand files at most, and must not wait for the inspection of all of them.
   */
  vouchesFor(outputs: ReadonlyArray<Pick<Output, 'path' | 'key'>>): boolean {
    return this.started && outputs.every((output) => this.vouchedLine(this.fileOf(output), output.key) !== undefined);
  }

  // The manifest's line for a file (refused by `fileOf` if unsafe) when it vouches for it: the
  // line has this key, and the file is in the tree as the line records it, as the inspection found
  // it or else as a look at it now finds it. Undefined when the file must be made.
  private vouchedLine(file: string, key: string): string | undefined {
    const line = this.previous.get(file);
    if (line === undefined || !hasKey(line, key)) return undefined;
    // Synchronous stat is several times cheaper than the promise API for this many small calls.
    // The file was refused by `fileOf` if it could leave the tree, so it is joined as it is.
    const same = this.unlike ? !this.unlike.has(file) : isAsRecorded(line, statSync(`${this.tree}${path.sep}${file}`, { throwIfNoEntry: false }));
    return same ? line : undefined;
  }

  /**
   * Add one output to the build (written for real by `flush`, at the latest by `commit`). Returns
   * the flush it started, to be awaited, when it filled a window; nothing otherwise (a promise
   * per output would cost more than most outputs do).
   */
  emit(output: Output): Promise<void> | undefined {
    this.pending.push(output);
    if (this.pending.length < WINDOW) return undefined;
    // While the files are inspected elsewhere, outputs wait (their keys are being made meanwhile).
    return this.inspecting && this.pending.length < WAITING_LIMIT ? undefined : this.flush();
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
    // A name the last build's record holds was checked when the record was read (see `readManifest`).
    const reason = (this.previous.has(file) ? undefined : unsafeReason(file)) ?? (file === MARKER ? 'the name of bayegan’s marker' : undefined);
    if (reason) throw new UnsafeOutputPath(file, reason);
    return file;
  }

  /** Skip what the manifest vouches for; render, compare and stage the rest. */
  async flush(): Promise<void> {
    await this.inspecting;
    // Outputs that waited for the inspection go a window at a time, as they would have come: a
    // template change would otherwise make the context of every page at once.
    while (this.pending.length > 0) {
      const outputs = this.pending;
      this.pending = [];
      for (let at = 0; at < outputs.length; at += WINDOW) await this.flushWindow(outputs.slice(at, at + WINDOW));
    }
  }

  private async flushWindow(outputs: Output[]): Promise<void> {
    const files = outputs.map((o) => this.fileOf(o));
    for (const [index, file] of files.entries()) {
      if (this.next.has(file)) throw new Error(`Two outputs write \`${file}\` (the second is ${outputs[index]!.path}); this is a bug in bayegan.`);
      // Claimed now, filled in below, so a second output for the same file in this window is caught too.
      this.next.set(file, '');
    }
    const templates: PageJob[] = [];
    // The key of each file given to the renderer, which answers for those files and no others.
    const keys = new Map<string, string>();
    const data: Array<[DataOutput, string]> = [];
    outputs.forEach((output, index) => {
      const file = files[index]!;
      const vouched = this.vouchedLine(file, output.key);
      if (vouched !== undefined) {
        this.next.set(file, vouched);
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
    const foreign = this.folder.carryForeign(this.owned, made, (await this.listing)?.live);
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
    const standbyLeft = this.folder.swap();
    // The old live site is now the standby tree, and its manifest goes with it.
    rmSync(places.standbyManifest, { force: true });
    try {
      renameSync(places.live, places.standbyManifest);
    } catch {
      // No record of the old site: the next build makes the standby tree again.
    }
    renameSync(places.next, places.live);
    if (!standbyLeft && this.options.keepStandby) this.keptStandby = this.folder.keepStandby(this.next);
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

