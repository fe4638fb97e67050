import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the previous build wrote for one output file. */
export interface ManifestEntry {
  key: string;
  size: number;
  mtimeMs: number;
}

/** Output file → its entry, kept as the line it is stored as (parsed only when looked at). */
export type Manifest = Map<string, string>;

const FORMAT = 'bayegan-outputs-2';

/** The stored form of an entry: `key<TAB>size<TAB>mtimeMs`. */
export function entryLine(entry: ManifestEntry): string {
  return `${entry.key}\t${entry.size}\t${entry.mtimeMs}`;
}

/** Read an entry back from its stored form. */
export function parseEntry(line: string): ManifestEntry {
  const [key = '', size = '0', mtimeMs = '0'] = line.split('\t');
  return { key, size: Number(size), mtimeMs: Number(mtimeMs) };
}

/**
 * The record of the last successful build's outputs (`.cache/outputs.tsv`): one line per file,
 * `file<TAB>key<TAB>size<TAB>mtimeMs`. Tab-separated rather than JSON because a large archive
 * has hundreds of thousands of entries, read on every build. A missing or unreadable manifest
 * only means that every page is rendered and compared byte for byte again.
 */
export function readManifest(file: string): Manifest {
  const entries: Manifest = new Map();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return entries;
  }
  const lines = text.split('\n');
  // A manifest cut short or from another version is not trusted at all.
  if (lines[0] !== FORMAT || lines[lines.length - 1] !== '') return entries;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return entries;
}

/** Save the manifest atomically. */
export function writeManifest(file: string, entries: Manifest): void {
  const files = [...entries.keys()].sort();
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temporary, `${FORMAT}\n${files.map((name) => `${name}\t${entries.get(name)}\n`).join('')}`);
  renameSync(temporary, file);
}
