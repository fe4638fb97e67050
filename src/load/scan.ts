import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, type ProjectPaths } from '../config/index.ts';

/** One Markdown source found under `content/`. */
export interface SourceFile {
  /** Relative to the project root, with `/` (what diagnostics show). */
  path: string;
  /** Absolute path on disk. */
  abs: string;
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Hidden files and folders (.git, editor swap files) are never content.
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(abs, found);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(abs);
  }
}

/** Every `.md` file under `content/`, in a stable order (by path, code-point order). */
export async function scanContent(paths: ProjectPaths): Promise<SourceFile[]> {
  const found: string[] = [];
  await walk(paths.content, found);
  return found
    .map((abs) => ({ abs, path: displayPath(paths, abs) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
