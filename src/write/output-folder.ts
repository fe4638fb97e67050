import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProjectPaths } from '../config/index.ts';
import { SetupFailure } from '../diagnostics/index.ts';
import { FileLock, type LockHolder } from './lock.ts';
import { changedFiles, isKept, readChanges, readManifest, writeChanges, type Manifest } from './manifest.ts';
import { MARKER, readMarker, type Marker } from './marker.ts';
import { checkFolders, realPath } from './location.ts';
import { recordedSince } from './changed-folders.ts';
import { liveListing, unlikeRecord } from './inspect.ts';
import { forgetFolders, linkInto, linkTree, listTree, pruneEmpty, removeFrom, type TreeListing } from './tree.ts';

/** Where the trees of one output folder are kept, and the files that describe them. */
interface Places {
  /** The output folder itself (the live site). */
  out: string;
  /** The folder of this output folder's state: lock, manifests, standby tree. */
  state: string;
  standby: string;
  /** The old live tree during the few microseconds of a swap. */
  previous: string;
  live: string;
  next: string;
  standbyManifest: string;
  /** The files in which the live site differs from the standby tree (see {@link TreeChanges}). */
  changes: string;
  lock: string;
}

// The device of a path, or of its nearest existing folder.
function deviceOf(abs: string): number | undefined {
  for (let at = abs; ; at = path.dirname(at)) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat) return stat.dev;
    if (path.dirname(at) === at) return undefined;
  }
}

function placesOf(paths: ProjectPaths): Places {
  const relative = path.relative(paths.root, paths.out);
  const name = `${path.basename(paths.out).replace(/[^\w.-]/g, '_')}-${createHash('sha1').update(relative).digest('hex').slice(0, 8)}`;
  // The standby tree must be on the output's file system for the swap to be a rename.
  const sameDevice = deviceOf(realPath(path.dirname(paths.out))) === deviceOf(realPath(paths.cache));
  const state = sameDevice ? path.join(paths.cache, 'out', name) : path.join(path.dirname(paths.out), `.${path.basename(paths.out)}.bayegan`);
  return {
    out: paths.out,
    state,
    standby: path.join(state, 'standby'),
    previous: path.join(state, 'previous'),
    live: path.join(state, 'live.tsv'),
    next: path.join(state, 'next.tsv'),
    standbyManifest: path.join(state, 'standby.tsv'),
    changes: path.join(state, 'changes.tsv'),
    lock: path.join(state, 'lock'),
  };
}

// A file a killed writer may have left half-written (see `temporaryPath`).
function isTemporary(file: string): boolean {
  return /(^|\/)\..+\.\d+-\d+-\d+\.tmp$/.test(file);
}

// The files of a manifest that bayegan made (not those it kept).
function ownedFiles(manifest: Manifest): Set<string> {
  const owned = new Set<string>();
  for (const [file, entry] of manifest) if (!isKept(entry)) owned.add(file);
  return owned;
}

/** What claiming an output folder found out about it. */
export interface Claimed {
  /** What the live site's manifest says of each file (empty when it cannot be trusted). */
  manifest: Manifest;
  /** The files bayegan made in the live site; undefined when its record of them is lost (`.cache/` was removed). */
  owned: Set<string> | undefined;
  /** A live site exists (the build is not the first). */
  hasLive: boolean;
  /** The standby tree was made again in full, of this many files: it could not be brought up to date (see `syncStandby`). */
  relinked?: number;
  /** There was no live site, and the new one starts from the site kept in the cache, of this many files (see `standbyAsBase`). */
  restored?: number;
  warnings: string[];
}

/**
 * One output folder and the state beside it. bayegan knows a folder as its own by its marker
 * (`.bayegan-output`); it builds only into a folder that is missing, empty or its own, and knows
 * what it made there from the manifest in the cache that the marker's id names. A build writes into a standby tree (kept in the cache, made of hard links to
 * the live site) and publishes it by renaming it into place, so readers and a killed build see
 * the old site or the new one, never a mix.
 */
export class OutputFolder {
  readonly places: Places;
  private readonly lock: FileLock;
  // The live site's record and when it was written: what the live site can have gained since.
  private live: { manifest: Manifest; since: number; record: string } | undefined;
  // The id of the live site when its record was found: what the next tree's changes start from.
  private liveId: string | undefined;

  constructor(readonly paths: ProjectPaths) {
    checkFolders(paths);
    mkdirSync(paths.cache, { recursive: true });
    this.places = placesOf(paths);
    this.lock = new FileLock(this.places.lock);
  }

  /** The tree this build writes into. */
  get standby(): string {
    return this.places.standby;
  }

  /** Take the output folder: wait for another build of it, repair what a killed build left, and refuse a folder that is not bayegan's. */
  async claim(waiting?: (holder: LockHolder) => void): Promise<Claimed> {
    await this.lock.acquire(waiting);
    this.live = undefined;
    this.liveId = undefined;
    try {
      const warnings = this.recover();
      const marker = this.inspect();
      if (!marker) {
        const base = this.standbyAsBase();
        if (base) return { manifest: base, owned: new Set(base.keys()), hasLive: false, warnings, restored: base.size };
        this.resetStandby();
        return { manifest: new Map(), owned: new Set(), hasLive: false, warnings };
      }
      const manifest = this.liveManifest(marker.id, warnings);
      const owned = manifest && ownedFiles(manifest);
      if (manifest) this.liveId = marker.id;
      const relinked = this.syncStandby(manifest, owned);
      return { manifest: manifest ?? new Map(), owned, hasLive: true, warnings, ...(relinked !== undefined && { relinked }) };
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  /** Give the output folder up (the lock); safe to call twice and from a signal handler. */
  release(): void {
    this.lock.release();
  }

  // A swap cut short (the process killed between its renames) is finished or rolled back.
  private recover(): string[] {
    const { out, previous, standby, standbyManifest } = this.places;
    if (!existsSync(previous)) return [];
    if (!lstatSync(out, { throwIfNoEntry: false })) {
      renameSync(previous, out);
      rmSync(standbyManifest, { force: true });
      return ['A build was stopped while it replaced the site; the site it was replacing was put back.'];
    }
    rmSync(standbyManifest, { force: true });
    if (existsSync(standby)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, standby);
    return [];
  }

  // The live site's marker, or undefined for a missing or empty folder; refuses anything else.
  private inspect(): Marker | undefined {
    return inspectOutput(this.paths);
  }

  // The manifest of the live site, if the one kept in the cache is the live site's.
  private liveManifest(id: string, warnings: string[]): Manifest | undefined {
    for (const file of [this.places.live, this.places.next]) {
      const stored = readManifest(file);
      if (stored?.id !== id) continue;
      const since = recordedSince(file);
      this.live = since === undefined ? undefined : { manifest: stored.entries, since, record: file };
      if (stored.refused > 0) warnings.push(`${stored.refused} line${stored.refused === 1 ? '' : 's'} of the cache's record of the output (${path.basename(file)}) named a path outside the output folder and were ignored.`);
      return stored.entries;
    }
    return undefined;
  }

  /**
   * With no live site (the output folder was removed, or a CI run restored `.cache/` alone), the
   * standby tree the cache keeps with its record is an earlier site: the new one starts from it,
   * as an edit's starts from the live site, and renders only the outputs whose keys changed, not
   * every page. It must be as a build left it: its record read whole, with no refused line, and
   * of this very tree (the marker's id); else undefined, and the tree is emptied by the caller.
   * Only bayegan's own files stay: whatever else the tree holds goes (files its site kept from an
   * output folder, files its record does not name, links), so the site is what a build from
   * nothing makes; each kept file is still looked at against its record line before it is
   * vouched for (`OutputWriter.vouchedLine`). The record goes first, as in `syncStandby`.
   */
  private standbyAsBase(): Manifest | undefined {
    const { standby, standbyManifest } = this.places;
    // A link planted in its place is never followed: the tree's files are removed below.
    if (!lstatSync(standby, { throwIfNoEntry: false })?.isDirectory() || !lstatSync(standbyManifest, { throwIfNoEntry: false })?.isFile()) return undefined;
    const stored = readManifest(standbyManifest);
    const marker = readMarker(standby);
    rmSync(standbyManifest, { force: true });
    if (!stored || !marker || stored.id !== marker.id || stored.refused > 0) return undefined;
    const base: Manifest = new Map([...stored.entries].filter(([, entry]) => !isKept(entry)));
    const listing = listTree(standby);
    const gone = [...listing.files.filter((file) => !base.has(file) && file !== MARKER), ...listing.others];
    for (const file of gone) removeFrom(standby, file);
    pruneEmpty(standby, gone);
    forgetFolders();
    return base;
  }

  // An empty standby tree (the first build, or one after the cache was lost).
  private resetStandby(): void {
    rmSync(this.places.standbyManifest, { force: true });
    linkTree(this.places.out, this.places.standby, []);
  }

  /**
   * Make the standby tree a copy of the live site, made of hard links. The standby tree is the
   * site before last, so only what the last build changed differs, unless its record is lost
   * (a killed build), when it is made again from nothing. Its record is removed first: a build
   * killed from here on leaves a standby tree that the next build does not trust. Returns the
   * number of files linked when the tree had to be made again in full.
   */
  private syncStandby(live: Manifest | undefined, owned: Set<string> | undefined): number | undefined {
    const { out, standby, standbyManifest } = this.places;
    // The standby tree's record is there only while the tree is as a build left it: it goes below,
    // before the tree is touched, and comes back with the next commit.
    const trusted = existsSync(standby) && existsSync(standbyManifest);
    const markerOfStandby = trusted ? readMarker(standby) : undefined;
    // What the last build changed, recorded by it: the files to bring over, without reading and
    // comparing the two records of the whole site.
    const changes = live && owned && markerOfStandby ? readChanges(this.places.changes) : undefined;
    const applies = changes !== undefined && changes.from === markerOfStandby?.id && changes.to === this.liveId;
    const stored = !applies && trusted ? readManifest(standbyManifest) : undefined;
    rmSync(standbyManifest, { force: true });
    if (!live || !owned) {
      // No record of the live site: every file of it is copied, none is assumed to be bayegan's.
      return linkTree(out, standby, listTree(out).files.filter((file) => !isTemporary(file)));
    }
    if (!applies && (!stored || !markerOfStandby || markerOfStandby.id !== stored.id)) {
      // What bayegan owns is a part of the record: its files are every file there is to link.
      return linkTree(out, standby, [...live.keys(), MARKER]);
    }
    const removed: string[] = [];
    for (const file of applies ? changes.files : changedFiles(stored!.entries, live)) {
      // A file the live site no longer has goes, and so does one that cannot be linked; a folder
      // emptied here goes too: a tree holds no folder but those of its files (see `listChangedSince`).
      if (live.has(file) ? !linkInto(out, standby, file) && removeFrom(standby, file) : removeFrom(standby, file)) removed.push(file);
    }
    linkInto(out, standby, MARKER);
    pruneEmpty(standby, removed);
    return undefined;
  }

  /**
   * Files in the live site that bayegan did not make (put there by hand), or that it cannot
   * tell it made (its record is lost): copied into the new tree unless the new site has a file of
   * its own there. Returns the kept, the replaced (only files known not to be bayegan's) and the
   * entries that are not regular files (never carried over).
   */
  carryForeign(owned: Set<string> | undefined, made: Set<string>, listed?: TreeListing): { kept: string[]; replaced: string[]; skipped: string[] } {
    const { out, standby } = this.places;
    const result = { kept: [] as string[], replaced: [] as string[], skipped: [] as string[] };
    if (!existsSync(path.join(out, MARKER))) return result;
    const listing = (owned && this.live && listed) || this.listLive(owned);
    for (const file of listing.files) {
      if (owned?.has(file) || file === MARKER || isTemporary(file)) continue;
      if (made.has(file)) {
        if (owned) result.replaced.push(file);
      } else if (linkInto(out, standby, file)) result.kept.push(file);
    }
    result.skipped.push(...listing.others);
    return result;
  }

  // The live site's files that may not be bayegan's: with its record, those kept last time and
  // whatever its changed folders hold (a walk of every folder costs more than the rest of an edit's
  // build); without it, every file.
  private listLive(owned: Set<string> | undefined): TreeListing {
    const live = owned && this.live;
    return live ? liveListing(this.places.out, live.manifest, live.since) : listTree(this.places.out);
  }

  /**
   * The live site's record, for another thread to read (see `inspectTree`): its file, its id,
   * and when it was written. Undefined before `claim`, or when there is none to trust.
   */
  get liveRecord(): { record: string; id: string; since: number } | undefined {
    return this.live && this.liveId !== undefined ? { record: this.live.record, id: this.liveId, since: this.live.since } : undefined;
  }

  /**
   * Record, before the swap, what turns the live site (as claimed) into tree `id` with record
   * `next`: the next build brings the same files into the standby tree (the live site now).
   * Without a record of the live site there is nothing to start from, and none is kept.
   */
  recordChanges(previous: Manifest, next: Manifest, id: string): void {
    if (this.liveId === undefined) rmSync(this.places.changes, { force: true });
    else writeChanges(this.places.changes, { from: this.liveId, to: id, files: changedFiles(previous, next) });
  }

  /**
   * Put the standby tree in place of the live site: two renames, the first moving the live
   * site aside, the second moving the new one in; then the old site becomes the standby tree.
   */
  swap(): boolean {
    const { out, standby, previous } = this.places;
    const stat = lstatSync(out, { throwIfNoEntry: false });
    if (stat && readdirSync(out).length === 0) rmdirSync(out);
    else if (stat) renameSync(out, previous);
    mkdirSync(path.dirname(out), { recursive: true });
    renameSync(standby, out);
    const kept = existsSync(previous);
    if (kept) renameSync(previous, standby);
    forgetFolders();
    return kept;
  }

  /**
   * After a swap that left no standby tree (there was no site before this one), make one now, a
   * copy of the live site whose record is `record` (committed as the live one), so that the next
   * build only brings over what changes (at 20,000 articles 32,807 folders and 52,864 links:
   * seconds the first edit would otherwise spend). The tree's record is written last: a build
   * killed meanwhile leaves a tree the next build does not trust. Returns the files linked, or
   * undefined if it could not be made.
   */
  keepStandby(record: Manifest): number | undefined {
    const { out, standby, standbyManifest, live } = this.places;
    try {
      rmSync(standbyManifest, { force: true });
      const linked = linkTree(out, standby, [...record.keys(), MARKER]);
      // Exclusive: whatever appeared under the record's name meanwhile is not written through.
      copyFileSync(live, standbyManifest, constants.COPYFILE_EXCL);
      return linked;
    } catch {
      // The site is published; the next build makes the tree instead.
      rmSync(standbyManifest, { force: true });
      return undefined;
    }
  }
}


/**
 * The number of files of the live site when it is exactly as the last build left it (every
 * file the record names there, same size and time, and the record is of this tree); else undefined.
 */
export function liveSiteIntact(paths: ProjectPaths): number | undefined {
  const places = placesOf(paths);
  const marker = readMarker(places.out);
  const stored = marker && readManifest(places.live);
  if (!stored || stored.id !== marker.id || stored.refused > 0 || stored.entries.size === 0) return undefined;
  // A stat per file of the site is this check's whole cost.
  return unlikeRecord(places.out, stored.entries, 1).length === 0 ? stored.entries.size : undefined;
}

/**
 * Whether bayegan may build into the output folder: its marker when it is bayegan's, undefined
 * when it is missing or empty; a {@link SetupFailure} for anything else (a file, a link, a
 * folder of someone else's files). Reads only.
 */
export function inspectOutput(paths: ProjectPaths): Marker | undefined {
  const out = paths.out;
  const stat = lstatSync(out, { throwIfNoEntry: false });
  if (!stat) return undefined;
  const shown = path.relative(paths.root, out) || out;
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new SetupFailure(
      `Unexpected output folder \`${shown}\`: it is ${stat.isSymbolicLink() ? 'a link' : 'not a folder'}, expected a folder`,
      'bayegan replaces its output folder on every build; give the path of a real folder (or of none yet) with --out.',
    );
  }
  const marker = readMarker(out);
  if (marker) return marker;
  const entries = readdirSync(out);
  if (entries.length === 0) return undefined;
  throw new SetupFailure(
    `Unexpected output folder \`${shown}\`: it holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} that bayegan did not make (it has no ${MARKER}), expected an empty folder or one that bayegan built`,
    `bayegan never builds over files it did not make. Move them away, or choose another folder with --out (a folder bayegan built has a ${MARKER} file that says so).`,
  );
}
