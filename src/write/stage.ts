import { readFileSync, statSync } from 'node:fs';
import { resolveInside } from './safe-path.ts';
import { createInto, writeInto } from './tree.ts';

/** What staging one file found. */
export interface Staged {
  size: number;
  /** The bytes differ from the previous site's (or the file is new) and were written. */
  changed: boolean;
  /** Modification time of the file in the new tree. */
  mtimeMs: number;
}

/**
 * Stage one output file in the tree being built (`tree`, which starts as a copy of the live
 * site made of hard links): if the file there has these bytes already it is left alone, time
 * and all; otherwise the bytes are written as a new file. Safe to call from worker threads:
 * each file is staged by exactly one caller. Refuses any path that would leave the tree.
 * Synchronous on purpose: for many small files Node's sync calls cost a fraction of the promise API's.
 */
export function stageFile(tree: string, file: string, content: string | Uint8Array): Staged {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const target = resolveInside(tree, file);
  const current = statSync(target, { throwIfNoEntry: false });
  if (current?.isFile() && current.size === bytes.length && Buffer.compare(readFileSync(target), bytes) === 0) {
    return { size: bytes.length, changed: false, mtimeMs: current.mtimeMs };
  }
  if (!current) {
    const mtimeMs = createInto(tree, file, bytes);
    if (mtimeMs !== undefined) return { size: bytes.length, changed: true, mtimeMs };
  }
  const written = writeInto(tree, file, bytes);
  return { size: bytes.length, changed: true, mtimeMs: statSync(written).mtimeMs };
}
