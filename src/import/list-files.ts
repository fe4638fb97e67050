import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file below `dir` (at any depth), absolute and sorted. Hidden files and folders
 * (`.git`, editor swap files, our own temporary files) are left out: they are never articles or dumps.
 */
export async function visibleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}
