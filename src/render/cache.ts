import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Result of a cache read: a trusted value, nothing, or an entry that failed its checksum. */
export type CacheRead<T> = { status: 'hit'; value: T } | { status: 'miss' } | { status: 'corrupt' };

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A folder of JSON entries keyed by content hash (`.cache/<kind>/ab/abcdef….json`). Each
 * entry carries the sha256 of its payload on its first line, and is written to a temporary
 * file then renamed, so a half-written or tampered entry is detected and never trusted.
 * Safe to keep between CI runs and to delete at any time.
 */
export class JsonCache<T> {
  readonly folder: string;

  constructor(root: string, kind: string) {
    this.folder = path.join(root, kind);
  }

  private file(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /** Read the entry of `key`. */
  read(key: string): CacheRead<T> {
    let text: string;
    try {
      text = readFileSync(this.file(key), 'utf8');
    } catch {
      return { status: 'miss' };
    }
    const newline = text.indexOf('\n');
    const payload = text.slice(newline + 1);
    if (newline !== 64 || text.slice(0, 64) !== digest(payload)) return { status: 'corrupt' };
    try {
      return { status: 'hit', value: JSON.parse(payload) as T };
    } catch {
      return { status: 'corrupt' };
    }
  }

  /** Write the entry of `key` (atomically: a reader sees the old entry, the new one, or none). */
  write(key: string, value: T): void {
    const target = this.file(key);
    const payload = JSON.stringify(value);
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(temporary, `${digest(payload)}\n${payload}`);
      renameSync(temporary, target);
    } catch {
      // A cache that cannot be written only makes the next build slower.
      rmSync(temporary, { force: true });
    }
  }
}
