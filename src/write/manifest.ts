import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the previous build wrote for one output file. */
export interface ManifestEntry {
  key: string;
  size: number;
  mtimeMs: number;
}

const FORMAT = 'bayegan-outputs-1';

/**
 * The record of the last successful build's outputs (`.cache/outputs.json`): for each file its
 * output key, size and modification time. A missing or unreadable manifest only means that
 * every page is rendered and compared byte for byte again.
 */
export function readManifest(file: string): Map<string, ManifestEntry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format: string; files: Record<string, ManifestEntry> };
    if (data.format !== FORMAT || typeof data.files !== 'object') return new Map();
    return new Map(Object.entries(data.files));
  } catch {
    return new Map();
  }
}

/** Save the manifest atomically. */
export function writeManifest(file: string, entries: Map<string, ManifestEntry>): void {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temporary, JSON.stringify({ format: FORMAT, files: Object.fromEntries(sorted) }));
  renameSync(temporary, file);
}
