import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The file by which bayegan knows an output folder as its own: a folder that holds it was built
 * by bayegan, and bayegan may build into it again. It is published with the site, so it stays
 * small (two lines, the same for the same site); the list of the files bayegan made there is
 * kept in `.cache/` (the output folder's manifest), tied to the tree by the id on its second line.
 */
export const MARKER = '.bayegan-output';

const HEADER = '# bayegan output folder: made by `bayegan build`, replaced on every build.';

/** The id of a tree: the digest of the sorted names of the files bayegan made in it. */
export function treeId(files: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const file of [...files].sort()) hash.update(file).update('\n');
  return hash.digest('hex');
}

/** The marker's text for a tree of this id. */
export function markerText(id: string): string {
  return `${HEADER}\ntree ${id}\n`;
}

/** What a folder's marker says: the id of the tree bayegan made there. */
export interface Marker {
  id: string;
}

/** Read the marker of a folder; undefined when it has none (the folder is not bayegan's). */
export function readMarker(dir: string): Marker | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const match = /^([^\n]*)\ntree ([0-9a-f]{40})\n$/.exec(text);
  return match && match[1] === HEADER ? { id: match[2]! } : undefined;
}
