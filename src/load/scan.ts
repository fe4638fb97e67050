import { readdirSync } from 'node:fs';
import path from 'node:path';
import { displayPath, type ProjectPaths } from '../config/index.ts';

/** One Markdown source found under `content/`. */
export interface SourceFile {
  /** Relative to the project root, with `/` (what diagnostics show). */
  path: string;
  /** Absolute path on disk. */
  abs: string;
}

// Synchronous listing is several times cheaper than the promise API for the thousands of small
// folders of a large archive; each file's display path is built on the way down, not derived.
function walk(dir: string, shown: string, found: SourceFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dir, entry.name);
    const display = shown === '' ? entry.name : `${shown}/${entry.name}`;
    if (entry.isDirectory()) walk(abs, display, found);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push({ abs, path: display });
  }
}

/** Every `.md` file under `content/`, in a stable order (by path, code-point order). */
export async function scanContent(paths: ProjectPaths): Promise<SourceFile[]> {
  const found: SourceFile[] = [];
  walk(paths.content, displayPath(paths, paths.content), found);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
