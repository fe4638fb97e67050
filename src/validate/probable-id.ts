import { toLatinDigits } from '../persian/index.ts';

/**
 * The id a file most likely has, even when its front matter is broken: its shenaseh read
 * leniently (`0123` → 123), else its file name (`21007.md`). Links to that id are not reported
 * as broken while the file is, so one mistake gives one diagnostic.
 */
export function probableId(path: string, shenaseh?: string): { probableId?: number } {
  const written = shenaseh === undefined ? '' : toLatinDigits(shenaseh.trim());
  const fromName = /(?:^|\/)0*(\d+)\.md$/i.exec(path)?.[1];
  const digits = /^\d+$/.test(written) ? written.replace(/^0+/, '') : fromName;
  const id = Number(digits);
  return digits && Number.isSafeInteger(id) && id > 0 ? { probableId: id } : {};
}
