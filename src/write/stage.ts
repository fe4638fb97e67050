import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What staging one file found. */
export interface Staged {
  size: number;
  /** The bytes differ from `dist/` (or the file is new) and wait in the staging folder. */
  changed: boolean;
  /** Modification time of the `dist/` file when unchanged. */
  mtimeMs?: number;
}

/** The staging folder of an output folder: beside it, so moving files in is a rename. */
export function stagingFolder(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging`);
}

/**
 * Compare one output file with what `dist/` holds; write it into the staging folder only if its
 * bytes differ. Safe to call from worker threads: each file is staged by exactly one caller.
 */
export async function stageFile(outDir: string, file: string, content: string | Uint8Array): Promise<Staged> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const target = path.join(outDir, file);
  const current = await stat(target).catch(() => undefined);
  if (current?.isFile() && current.size === bytes.length && Buffer.compare(await readFile(target), bytes) === 0) {
    return { size: bytes.length, changed: false, mtimeMs: current.mtimeMs };
  }
  const staged = path.join(stagingFolder(outDir), file);
  await mkdir(path.dirname(staged), { recursive: true });
  await writeFile(staged, bytes);
  return { size: bytes.length, changed: true };
}
