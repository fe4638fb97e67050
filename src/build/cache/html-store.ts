import { createHash } from 'node:crypto';
import { closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A body read from the store: its HTML, nothing, or an entry that failed its checksum. */
export type StoredHtml = { status: 'hit'; html: string } | { status: 'miss' } | { status: 'corrupt' };

const KEY = /^[0-9a-f]{16,128}$/;

// Folders known to exist in this thread: 256 of them hold every body, so mkdir runs once each.
const made = new Set<string>();

// Written in place, but never through a link planted under a body's name in .cache/: opening fails.
const WRITE = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Rendered article bodies on disk, one file per cache key (`.cache/html/ab/abcd….html`), each
 * behind the sha1 of its HTML on the first line, so a half-written or damaged file is detected
 * and never served.
 */
export class HtmlStore {
  constructor(private readonly folder: string) {}

  // Keys come from cache records, which are inputs like any other: only a digest names a file.
  private file(key: string): string | undefined {
    return KEY.test(key) ? path.join(this.folder, key.slice(0, 2), `${key}.html`) : undefined;
  }

  /** The body stored under `key`. */
  read(key: string): StoredHtml {
    const file = this.file(key);
    if (!file) return { status: 'corrupt' };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return { status: 'miss' };
    }
    const html = text.slice(41);
    return text.charCodeAt(40) === 10 && text.slice(0, 40) === digest(html) ? { status: 'hit', html } : { status: 'corrupt' };
  }

  /**
   * Store a body under `key`; a store that cannot be written only makes the next build slower.
   * Written in place, not by rename: a half-written file fails its checksum and is rendered again.
   */
  write(key: string, html: string): void {
    const target = this.file(key);
    if (!target) return;
    const folder = path.dirname(target);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        const fd = openSync(target, WRITE);
        try {
          writeSync(fd, `${digest(html)}\n${html}`);
        } finally {
          closeSync(fd);
        }
        return;
      } catch (error) {
        // A link planted under its name is removed (never followed); a cache removed under a
        // long-lived process (dev) gets its folder again. Once.
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') rmSync(target, { force: true });
        else made.clear();
      }
    }
  }
}
