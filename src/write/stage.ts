import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
 * Synchronous on purpose: for many small files Node's sync calls cost a fraction of the promise API's.
 */
export function stageFile(outDir: string, file: string, content: string | Uint8Array): Staged {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const target = path.join(outDir, file);
  const current = statSync(target, { throwIfNoEntry: false });
  if (current?.isFile() && current.size === bytes.length && Buffer.compare(readFileSync(target), bytes) === 0) {
    return { size: bytes.length, changed: false, mtimeMs: current.mtimeMs };
  }
  const staged = path.join(stagingFolder(outDir), file);
  mkdirSync(path.dirname(staged), { recursive: true });
  writeFileSync(staged, bytes);
  return { size: bytes.length, changed: true };
}
