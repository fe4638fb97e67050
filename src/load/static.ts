import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { displayPath, type ProjectPaths } from '../config/index.ts';

/** Why a file of `static/` cannot be published; its rule reports it. */
export type StaticProblem = 'outside' | 'not-regular' | 'broken-link' | 'unreadable';

/** One file found under `static/`, published at the same path in the output. */
export interface StaticFile {
  /** Relative to the project root, with `/`: `static/.well-known/security.txt` (what diagnostics show). */
  path: string;
  /** The site path it is published at, percent-encoded: `/.well-known/security.txt`. */
  sitePath: string;
  /** The real file to read (a link inside the project resolved). */
  abs: string;
  size: number;
  mtimeMs: number;
  problem?: StaticProblem;
  /** For a link, where it points (shown in the diagnostic). */
  target?: string;
}

/** Names a desktop or git leaves behind; never part of a site. */
const LEFT_OUT = new Set(['.git', '.gitkeep', '.gitignore', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

function inside(folder: string, abs: string): boolean {
  return abs === folder || abs.startsWith(folder + path.sep);
}

// `static/`'s contents: regular files, links into the project (followed), folders; anything else
// is listed with its problem so that `check` and `build` both report it.
function walk(dir: string, shown: string[], root: string, seen: Set<string>, found: Array<Omit<StaticFile, 'path'> & { parts: string[] }>): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    if (LEFT_OUT.has(name)) continue;
    const abs = path.join(dir, name);
    const parts = [...shown, name];
    const sitePath = '/' + parts.map(encodeURIComponent).join('/');
    const entry = { parts, sitePath, abs, size: 0, mtimeMs: 0 };
    let own: Stats;
    try {
      own = lstatSync(abs);
    } catch {
      found.push({ ...entry, problem: 'unreadable' });
      continue;
    }
    let real = abs;
    let stat = own;
    if (own.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
        stat = statSync(real);
      } catch {
        found.push({ ...entry, problem: 'broken-link' });
        continue;
      }
      if (!inside(root, real)) {
        found.push({ ...entry, problem: 'outside', target: real });
        continue;
      }
    }
    if (stat.isDirectory()) {
      // A folder linked twice, or a link to a folder above it, is walked once.
      const key = realpathSync(real);
      if (seen.has(key)) continue;
      seen.add(key);
      walk(real, parts, root, seen, found);
    } else if (stat.isFile()) {
      found.push({ ...entry, abs: real, size: stat.size, mtimeMs: stat.mtimeMs });
    } else {
      found.push({ ...entry, problem: 'not-regular' });
    }
  }
}

/**
 * Every file under the project's `static/` folder, in path order (an empty list when there is
 * none). Files are not read here: their size and time are the cache's key, and only `build`
 * reads them. A link is followed only when it stays inside the project.
 */
export function scanStatic(paths: ProjectPaths): StaticFile[] {
  const folder = path.join(paths.root, 'static');
  const shown = displayPath(paths, folder);
  let root: string;
  let real: string;
  try {
    root = realpathSync(paths.root);
    real = realpathSync(folder);
  } catch {
    return [];
  }
  if (!statSync(real).isDirectory()) return [];
  if (!inside(root, real)) return [{ path: shown, sitePath: '/', abs: folder, size: 0, mtimeMs: 0, problem: 'outside', target: real }];
  const found: Array<Omit<StaticFile, 'path'> & { parts: string[] }> = [];
  walk(real, [], root, new Set([real]), found);
  return found.map(({ parts, ...file }) => ({ ...file, path: [shown, ...parts].join('/') }));
}
