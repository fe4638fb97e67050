import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One file's bytes (base64) and modification time. */
export interface FileState {
  bytes: string;
  mtimeMs: number;
}

/** Every file of a folder with its bytes and modification time: equal snapshots mean an untouched folder. */
export function snapshot(dir: string): Record<string, FileState> {
  const result: Record<string, FileState> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, abs)] = { bytes: readFileSync(abs, 'base64'), mtimeMs: statSync(abs).mtimeMs };
  }
  return result;
}
