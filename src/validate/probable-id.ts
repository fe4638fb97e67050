import { toLatinDigits } from '../persian/index.ts';

/** The id in a file name such as `21007.md` (the recommended layout), if it has one. */
export function fileNameId(path: string): number | undefined {
  const digits = /(?:^|\/)0*(\d+)\.md$/i.exec(path)?.[1];
  const id = Number(digits);
  return digits && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The ids a file may be meant to have, even when its front matter is wrong: its shenaseh read
 * leniently (`0123` → 123), and its file name (`21007.md`). While the file has an error, links
 * to those ids are not reported as broken, so one mistake gives one diagnostic.
 */
export function probableIds(path: string, shenaseh?: string): number[] {
  const written = shenaseh === undefined ? '' : toLatinDigits(shenaseh.trim());
  const lenient = /^\d+$/.test(written) ? Number(written) : undefined;
  const ids = [lenient, fileNameId(path)].filter((id): id is number => id !== undefined && Number.isSafeInteger(id) && id > 0);
  return [...new Set(ids)];
}
