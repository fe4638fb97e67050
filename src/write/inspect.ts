import { statSync } from 'node:fs';
import path from 'node:path';
import { foldersOfFiles, listChangedSince } from './changed-folders.ts';
import { isAsRecorded, isKept, readManifest, type Manifest } from './manifest.ts';
import { listTree, type TreeListing } from './tree.ts';

/**
 * The two looks at the disk that a build of a large site spends most of an edit on, made apart
 * from the build so that another thread can make them while the build makes its pages: every
 * file the last build recorded, checked against its record in the standby tree (`files`), and
 * the live site's files that may not be bayegan's (`live`). Both start from the record of the
 * live site, read from its file and named by its id (a thread gets paths, not 50,000 entries).
 */
export type InspectJob =
  | { part: 'files'; record: string; id: string; tree: string }
  | { part: 'live'; record: string; id: string; out: string; since: number };

/** What an inspection found; undefined when the record is no longer the one named (nothing is to be trusted from it). */
export interface Inspection {
  /** `files`: the recorded files that are not in the tree as recorded (changed in place, gone, not a regular file). */
  unlike?: string[];
  /** `live`: the live site's files (and entries that are not regular files) that bayegan may not have made. */
  live?: TreeListing;
}

// The last record read in this thread: both parts of one build read the same one.
let lastRecord: { record: string; id: string; entries: Manifest } | undefined;

function recordOf(record: string, id: string): Manifest | undefined {
  if (lastRecord?.record === record && lastRecord.id === id) return lastRecord.entries;
  const stored = readManifest(record);
  if (stored?.id !== id) return undefined;
  lastRecord = { record, id, entries: stored.entries };
  return stored.entries;
}

/**
 * The recorded files of `manifest` that `tree` does not hold as recorded: the file is gone, is
 * not a regular file, or its size or time is not the record's. A file not named here is the
 * one its record describes, so its record's key says whether it must be made again.
 */
export function unlikeRecord(tree: string, manifest: Manifest, limit = Infinity): string[] {
  const unlike: string[] = [];
  // Every name was refused when the record was read if it could leave the tree: joined as it is.
  const prefix = tree + path.sep;
  for (const [file, line] of manifest) {
    if (!isAsRecorded(line, statSync(prefix + file, { throwIfNoEntry: false })) && unlike.push(file) >= limit) break;
  }
  return unlike;
}

/**
 * The live site's files that may not be bayegan's, given its record and when it was written: those
 * kept last time and whatever the folders changed since hold; every file when the file system
 * cannot tell which folders changed (see `listChangedSince`).
 */
export function liveListing(out: string, manifest: Manifest, since: number): TreeListing {
  const changed = listChangedSince(out, foldersOfFiles(manifest.keys()), since);
  if (!changed) return listTree(out);
  const files = new Set(changed.files);
  for (const [file, entry] of manifest) if (isKept(entry)) files.add(file);
  return { files: [...files].sort(), others: changed.others.sort() };
}

/** Make one part of an inspection (in whatever thread runs it). */
export function inspectTree(job: InspectJob): Inspection | undefined {
  const manifest = recordOf(job.record, job.id);
  if (!manifest) return undefined;
  if (job.part === 'files') return { unlike: unlikeRecord(job.tree, manifest) };
  // The live part comes last: the record is not kept past it.
  lastRecord = undefined;
  return { live: liveListing(job.out, manifest, job.since) };
}
