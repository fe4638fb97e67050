import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../config/paths.ts';
import { unsafeReason } from './safe-path.ts';

/** What a build wrote for one output file. */
export interface ManifestEntry {
  /** Digest of the output's inputs; {@link FOREIGN} for a file bayegan did not make but kept. */
  key: string;
  size: number;
  mtimeMs: number;
}

/** The key of a file that was in the output folder but not made by bayegan (kept, never removed). */
export const FOREIGN = '*';
/** The key of a file kept because bayegan's record was lost and it could not tell whether it made it. */
export const UNKNOWN = '?';

/** Output file → its entry, kept as the line it is stored as (parsed only when looked at). */
export type Manifest = Map<string, string>;

/** A manifest as read back: its entries, the tree it describes, and lines that were refused. */
export interface StoredManifest {
  /** Digest of the marker of the tree this manifest describes. */
  id: string;
  entries: Manifest;
  /** Lines naming a path outside the output folder: ignored. */
  refused: number;
}

const FORMAT = 'bayegan-outputs-3';

// The lines of a file of `format` that ends whole (the last line ended); undefined when it is missing, cut short or of another format.
function wholeLines(file: string, format: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  return lines[0] === format && lines[lines.length - 1] === '' ? lines : undefined;
}

/** Whether an entry is of a file kept in the output folder, not made by bayegan ({@link FOREIGN} or {@link UNKNOWN}). */
export function isKept(line: string): boolean {
  return line.startsWith(`${FOREIGN}\t`) || line.startsWith(`${UNKNOWN}\t`);
}

/** The stored form of an entry: `key<TAB>size<TAB>mtimeMs`. */
export function entryLine(entry: ManifestEntry): string {
  return `${entry.key}\t${entry.size}\t${entry.mtimeMs}`;
}

/** Whether a file, as `stat` finds it, is the one its entry records: a regular file of that size and time. */
export function isAsRecorded(line: string, stat: { isFile(): boolean; size: number; mtimeMs: number } | undefined): boolean {
  return stat?.isFile() === true && line === entryLine({ key: line.slice(0, line.indexOf('\t')), size: stat.size, mtimeMs: stat.mtimeMs });
}

/** Whether an entry's key is `key` (no parse per entry). */
export function hasKey(line: string, key: string): boolean {
  return line.length > key.length && line.charCodeAt(key.length) === 9 && line.startsWith(key);
}

/**
 * Read a manifest (`file<TAB>key<TAB>size<TAB>mtimeMs` per line, after a format line and the
 * tree's id). Tab-separated rather than JSON because a large archive has hundreds of thousands
 * of entries, read on every build. A manifest cut short or from another version is not trusted
 * at all (undefined); a line naming a path that would leave the output folder is refused.
 */
export function readManifest(file: string): StoredManifest | undefined {
  const lines = wholeLines(file, FORMAT);
  if (!lines?.[1]?.startsWith('id\t')) return undefined;
  const entries: Manifest = new Map();
  let refused = 0;
  for (let i = 2; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    const name = line.slice(0, tab);
    if (tab <= 0 || unsafeReason(name) !== undefined) refused += 1;
    else entries.set(name, line.slice(tab + 1));
  }
  return { id: lines[1].slice(3), entries, refused };
}

/** Save a manifest atomically. */
export function writeManifest(file: string, id: string, entries: Manifest): void {
  const files = [...entries.keys()].sort();
  writeFileAtomic(file, `${FORMAT}\nid\t${id}\n${files.map((name) => `${name}\t${entries.get(name)}\n`).join('')}`);
}

/** The files in which one tree differs from the one before it, as the build that made it recorded them. */
export interface TreeChanges {
  /** Ids of the tree before and of the tree after. */
  from: string;
  to: string;
  files: string[];
}

const CHANGES_FORMAT = 'bayegan-changes-1';

/**
 * What turns the tree `previous` describes into the one `next` does: the files `previous` has and
 * `next` has not (first, so that a file never stands where a folder must be made), then those of
 * `next` whose line differs, and every file `next` keeps without having made it (a hand-made file
 * can change in place).
 */
export function changedFiles(previous: Manifest, next: Manifest): string[] {
  const files: string[] = [];
  for (const file of previous.keys()) if (!next.has(file)) files.push(file);
  for (const [file, line] of next) {
    if (line !== previous.get(file) || isKept(line)) files.push(file);
  }
  return files;
}

/** Save a tree's changes atomically. */
export function writeChanges(file: string, changes: TreeChanges): void {
  writeFileAtomic(file, `${CHANGES_FORMAT}\nfrom\t${changes.from}\nto\t${changes.to}\n${changes.files.map((name) => `${name}\n`).join('')}`);
}

/** Read a tree's changes back; undefined when missing, cut short, of another version, or naming any path outside the output folder. */
export function readChanges(file: string): TreeChanges | undefined {
  const lines = wholeLines(file, CHANGES_FORMAT);
  if (!lines?.[1]?.startsWith('from\t') || !lines[2]?.startsWith('to\t')) return undefined;
  const files = lines.slice(3, -1);
  if (files.some((name) => unsafeReason(name) !== undefined)) return undefined;
  return { from: lines[1].slice(5), to: lines[2].slice(3), files };
}
