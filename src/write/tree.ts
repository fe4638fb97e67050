import { closeSync, copyFileSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { temporaryPath } from '../config/paths.ts';
import { resolveInside, UnsafeOutputPath } from './safe-path.ts';

// Folders of a tree known to be real folders inside it, per tree: checked once each.
const checkedFolders = new Map<string, Set<string>>();

/**
 * Make the folder of `abs` (inside `tree`) and make sure that it really is inside: no link on
 * the way leads out. Standby trees are bayegan's alone, but a link planted in one must not
 * turn a write into a write elsewhere.
 */
function ensureFolder(tree: string, abs: string): void {
  const folder = path.dirname(abs);
  let known = checkedFolders.get(tree);
  if (!known) checkedFolders.set(tree, (known = new Set()));
  if (known.has(folder)) return;
  let created: string | undefined;
  try {
    created = mkdirSync(folder, { recursive: true });
  } catch (error) {
    // A file of an earlier build stands where a folder must go: it is stale in a tree of ours.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    clearBlockingFile(tree, folder);
    created = mkdirSync(folder, { recursive: true });
  }
  // Folders made just now under a folder already checked are real folders inside the tree: no
  // link can be on their way (one page in its own folder each: a realpath per page saved).
  if (created !== undefined && known.has(path.dirname(created))) {
    for (let at = folder; at.length >= created.length; at = path.dirname(at)) known.add(at);
    return;
  }
  const real = realpathSync.native(folder);
  const realTree = realTreeOf(tree);
  if (real !== realTree && !real.startsWith(realTree + path.sep)) throw new UnsafeOutputPath(path.relative(tree, abs), 'a link on its way leads out of the output folder');
  known.add(folder);
}

// The real path of each tree, looked up once.
const realTrees = new Map<string, string>();

function realTreeOf(tree: string): string {
  let real = realTrees.get(tree);
  if (real === undefined) realTrees.set(tree, (real = realpathSync.native(tree)));
  return real;
}

// Remove the nearest file on the way to `folder` that is not a folder.
function clearBlockingFile(tree: string, folder: string): void {
  for (let at = folder; at !== tree && at.startsWith(tree); at = path.dirname(at)) {
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) {
      unlinkSync(at);
      return;
    }
  }
}

/** Forget which folders were checked (a tree was moved or removed). */
export function forgetFolders(): void {
  checkedFolders.clear();
  realTrees.clear();
}

/** Write `bytes` as `file` of `tree`, by a new file renamed into place: a reader never sees half a file, and a file linked from another tree is never changed. */
export function writeInto(tree: string, file: string, bytes: Uint8Array): string {
  const abs = resolveInside(tree, file);
  ensureFolder(tree, abs);
  const temporary = temporaryPath(abs);
  try {
    writeFileSync(temporary, bytes);
  } catch (error) {
    // The folder was known from an earlier build of this thread, but the tree has changed since.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    checkedFolders.get(tree)?.delete(path.dirname(abs));
    ensureFolder(tree, abs);
    writeFileSync(temporary, bytes);
  }
  try {
    renameSync(temporary, abs);
  } catch (error) {
    // A folder of an earlier build stands where the file must go.
    if (!['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    rmSync(abs, { recursive: true, force: true });
    renameSync(temporary, abs);
  }
  return abs;
}

/**
 * Write `bytes` as `file` of `tree` where no file is: created exclusively (a link or file that
 * appeared there meanwhile is never followed or changed), with no rename. Returns the new file's
 * modification time, or undefined if something stands there after all (write it with
 * {@link writeInto}). A file cut short by a crash is not trusted by the next build: the manifest
 * has no record of it, so its bytes are compared and written again.
 */
export function createInto(tree: string, file: string, bytes: Uint8Array): number | undefined {
  const abs = resolveInside(tree, file);
  ensureFolder(tree, abs);
  let fd: number;
  try {
    fd = openSync(abs, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    if (code !== 'ENOENT') throw error;
    // The folder was known from an earlier build of this thread, but the tree has changed since.
    checkedFolders.get(tree)?.delete(path.dirname(abs));
    return undefined;
  }
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    return fstatSync(fd).mtimeMs;
  } catch (error) {
    rmSync(abs, { force: true });
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** Give `file` of `to` the same bytes as in `from` (a hard link; a copy across file systems). False when `from` has no such file. */
export function linkInto(from: string, to: string, file: string): boolean {
  const source = resolveInside(from, file);
  const target = resolveInside(to, file);
  const stat = lstatSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  ensureFolder(to, target);
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // Most links go into a new tree; only a file that changed stands in the way.
      removeFrom(to, file);
      linkSync(source, target);
    } else if (code === 'EXDEV') {
      removeFrom(to, file);
      copyFileSync(source, target);
    } else throw error;
  }
  return true;
}

/**
 * Make `to` anew as a copy of the named files of `from`, made of hard links: whatever `to` held
 * goes first. A name `from` does not hold as a regular file is left out. Returns the files linked.
 */
export function linkTree(from: string, to: string, files: Iterable<string>): number {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  forgetFolders();
  let linked = 0;
  for (const file of files) if (linkInto(from, to, file)) linked += 1;
  return linked;
}

/** Remove `file` from a tree of ours (whatever stands there); true if something was there. */
export function removeFrom(tree: string, file: string): boolean {
  const abs = resolveInside(tree, file);
  try {
    unlinkSync(abs);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    if (code !== 'EISDIR' && code !== 'EPERM') throw error;
    rmSync(abs, { recursive: true, force: true });
    return true;
  }
}

/** Remove the folders that removing files left empty, and their parents if they empty too. */
export function pruneEmpty(tree: string, files: Iterable<string>): void {
  const folders = new Set<string>();
  for (const file of files) folders.add(path.posix.dirname(file));
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (let folder of deepestFirst) {
    while (folder !== '.' && folder !== '') {
      try {
        rmdirSync(resolveInside(tree, folder));
      } catch {
        break;
      }
      folder = path.posix.dirname(folder);
    }
  }
  forgetFolders();
}

/** What a walk of a tree found: its regular files and anything else that is not a folder. */
export interface TreeListing {
  files: string[];
  /** Links, FIFOs, sockets, devices: never published, never followed. */
  others: string[];
}

/**
 * Add every entry under `abs` (links not followed) to a listing, as `/`-separated paths after
 * `prefix`, going into the folders that `descend` accepts (all by default).
 */
export function listInto(abs: string, prefix: string, listing: TreeListing, descend: (folder: string) => boolean = () => true): void {
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      if (descend(rel)) listInto(path.join(abs, entry.name), `${rel}/`, listing, descend);
    } else if (entry.isFile()) listing.files.push(rel);
    else listing.others.push(rel);
  }
}

/** Every entry of a tree (links not followed), as `/`-separated paths relative to it. */
export function listTree(tree: string): TreeListing {
  const listing: TreeListing = { files: [], others: [] };
  listInto(tree, '', listing);
  return listing;
}
