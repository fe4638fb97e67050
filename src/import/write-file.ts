import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryPath } from '../config/index.ts';

/**
 * Write a file atomically: the text goes to a temporary file beside it, which is then renamed
 * over the target, so a reader (or a build) never sees half an article.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = temporaryPath(file);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
