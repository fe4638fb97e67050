import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { listInto, type TreeListing } from './tree.ts';

/**
 * How long before its record was written a folder's change still counts as "since". File
 * system clocks are coarse (a jiffy on Linux, two seconds on FAT), and whatever changed in the
 * last moments of a build is simply read again.
 */
const MARGIN_MS = 2000;

/**
 * When the record of a tree was written, as the file system tells it (never as the record says:
 * its lines are inputs like any other), less a margin; undefined when the record is missing.
 * The earlier of its modification and its status change, so that neither a touched record nor
 * a clock read at the wrong moment moves the time forward.
 */
export function recordedSince(record: string): number | undefined {
  const stat = statSync(record, { throwIfNoEntry: false });
  return stat && Math.min(stat.mtimeMs, stat.ctimeMs) - MARGIN_MS;
}

/** Every folder the files lie in, the tree itself (`''`) included. */
export function foldersOfFiles(files: Iterable<string>): Set<string> {
  const folders = new Set<string>(['']);
  for (const file of files) {
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
      const folder = file.slice(0, at);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}

/**
 * The entries of a tree that can have appeared since `since`: those of every folder whose
 * status changed since then (an entry added, removed or renamed in a folder changes its ctime,
 * which no program can set back), and everything under a folder that `known` does not name.
 * The tree's other files are the ones its record names. A tree of a build holds no folder but
 * those of its recorded files (`known`), so a folder found nowhere in it is new and walked whole.
 * Undefined when the tree's own folder has not changed since (it was renamed into place after
 * its record was written): a file system that does not keep such times, to be listed whole.
 */
export function listChangedSince(tree: string, known: ReadonlySet<string>, since: number): TreeListing | undefined {
  const root = lstatSync(tree, { throwIfNoEntry: false });
  if (!root?.isDirectory() || root.ctimeMs < since) return undefined;
  const listing: TreeListing = { files: [], others: [] };
  for (const folder of known) {
    const abs = folder === '' ? tree : path.join(tree, folder);
    const stat = lstatSync(abs, { throwIfNoEntry: false });
    // A folder gone or replaced by a file or link changed its parent, which is read.
    if (!stat?.isDirectory() || stat.ctimeMs < since) continue;
    // A folder found nowhere in the record is new: everything under it is listed.
    listInto(abs, folder === '' ? '' : `${folder}/`, listing, (rel) => !known.has(rel));
  }
  return listing;
}
