/**
 * Which file of the archive already holds each shenaseh, so that an import can tell a second
 * import of the same article (same bytes) from another article with the same id (a conflict).
 * Read cheaply: only the head of each file, where the front matter is.
 */
import { open, readFile } from 'node:fs/promises';
import { toLatinDigits } from '../persian/index.ts';
import { visibleFiles } from './list-files.ts';

/** Bytes read from the start of each article; front matter is almost always shorter. */
const HEAD_BYTES = 8192;
/** The `shenaseh:` line of a front matter, quoted or not, in any digits. */
const SHENASEH = /^shenaseh:[ \t]*(["']?)([0-9\u0660-\u0669\u06f0-\u06f9]+)\1[ \t]*(?:#.*)?$/m;
/** A front matter that is closed within the text read. */
const CLOSED = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The shenaseh in a file's front matter, or undefined. */
async function shenasehOf(file: string): Promise<number | undefined> {
  let text = await head(file);
  if (!CLOSED.test(text)) text = await readFile(file, 'utf8');
  const frontMatter = CLOSED.exec(text)?.[0] ?? '';
  const digits = SHENASEH.exec(frontMatter)?.[2];
  return digits === undefined ? undefined : Number(toLatinDigits(digits));
}

/** Shenaseh → absolute path of the first file (in path order) that holds it, for every article under `content`. */
export async function indexShenaseh(content: string): Promise<Map<number, string>> {
  const files = (await visibleFiles(content).catch(() => [] as string[])).filter((file) => file.endsWith('.md'));
  const index = new Map<number, string>();
  for (const file of files) {
    const shenaseh = await shenasehOf(file);
    if (shenaseh !== undefined && !index.has(shenaseh)) index.set(shenaseh, file);
  }
  return index;
}
