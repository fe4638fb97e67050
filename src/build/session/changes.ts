import path from 'node:path';
import { displayPath, type ProjectPaths } from '../../config/index.ts';

/** A change a watcher saw, at an absolute path. */
export interface FileChange {
  kind: 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';
  path: string;
}

/** What a batch of changes touches. */
export interface SortedChanges {
  /** Templates or theme files. */
  theme: boolean;
  /** Files that are not sources but that the site uses (images beside articles, `static/`). */
  other: boolean;
  /** Sources may have come or gone: `content/` must be listed again. */
  rescan: boolean;
  /** Sources saved (display paths). */
  touched: Set<string>;
}

/** True when `file` is inside `folder` (or is it). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Sort a batch of changes by what they touch. `known` tells the sources the session has: a save
 * of any other is a new file (one whose `add` came before the session started, or was missed).
 */
export function sortChanges(changes: FileChange[], paths: ProjectPaths, known: (file: string) => boolean): SortedChanges {
  const sorted: SortedChanges = { theme: false, other: false, rescan: false, touched: new Set() };
  for (const change of changes) {
    if (isInside(paths.templates, change.path) || isInside(path.join(paths.root, 'templates'), change.path)) sorted.theme = true;
    else if (!isInside(paths.content, change.path)) sorted.other = true;
    // Hidden files and folders are never sources: editors' swap and temporary files live there.
    else if (path.relative(paths.content, change.path).split(path.sep).some((part) => part.startsWith('.'))) continue;
    else if (change.kind === 'addDir' || change.kind === 'unlinkDir') sorted.rescan = true;
    else if (change.path.toLowerCase().endsWith('.md')) {
      sorted.touched.add(displayPath(paths, change.path));
      if (change.kind !== 'change') sorted.rescan = true;
    } else sorted.other = true;
  }
  if ([...sorted.touched].some((file) => !known(file))) sorted.rescan = true;
  return sorted;
}
