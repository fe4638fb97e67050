import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unsafeReason } from './safe-path.ts';

/**
 * The file by which bayegan knows an output folder as its own, and knows what it made there:
 * the list of the files it wrote. It is published with the site (a few bytes per page, the
 * same for the same site), so the knowledge survives the loss of `.cache/` and a folder copied
 * or restored elsewhere: bayegan then still removes only what it made.
 */
export const MARKER = '.bayegan-output';

const HEADER = '# bayegan output folder: made by `bayegan build`, replaced on every build. The files bayegan made here:';

/** The marker's text for a tree of these files (sorted: the same site gives the same bytes). */
export function markerText(files: Iterable<string>): string {
  return `${HEADER}\n${[...files].sort().map((f) => `${f}\n`).join('')}`;
}

/** The id of a tree: the digest of its marker's text. */
export function treeId(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** What a folder's marker says: the tree's id and the files bayegan made in it. */
export interface Marker {
  id: string;
  owned: Set<string>;
  /** Lines naming a path that would leave the folder: ignored. */
  refused: number;
}

/** Read the marker of a folder; undefined when it has none (the folder is not bayegan's). */
export function readMarker(dir: string): Marker | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[0] !== HEADER) return undefined;
  const owned = new Set<string>();
  let refused = 0;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (unsafeReason(line) !== undefined || line === MARKER) refused += 1;
    else owned.add(line);
  }
  return { id: treeId(text), owned, refused };
}
