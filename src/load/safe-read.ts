import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';

// Never follow a link swapped in after the path was judged, and never wait on a FIFO: opening one
// for reading blocks until a writer comes, which would hold a build for ever.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** True when `child` lies inside `folder` (both absolute, resolved). */
export function isInside(child: string, folder: string): boolean {
  return child.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** Why a file could not be read, in words for a message (`permission denied`). */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it was removed while bayegan was reading';
    case 'ELOOP':
      return 'it is a symbolic link';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** A file opened for reading: its descriptor and what `fstat` says of the open file itself. */
export interface OpenFile {
  fd: number;
  stat: Stats;
}

/**
 * Open a regular file for reading without following a final symbolic link and without blocking.
 * When `within` is given, the file actually opened must lie inside that folder (a real path),
 * which a swapped folder on the way cannot fool: the kernel says what was opened.
 * Throws an error whose `readFailure` names the reason.
 */
export function openRegular(abs: string, within?: string): OpenFile {
  const fd = openSync(abs, FLAGS);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: stat.isDirectory() ? 'EISDIR' : 'ESPECIAL' });
    if (within !== undefined) {
      let opened: string | undefined;
      try {
        opened = readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        // No /proc (not Linux): the caller's realpath check stands alone.
      }
      if (opened !== undefined && !isInside(opened, within)) throw Object.assign(new Error(`opened ${opened}`), { code: 'EOUTSIDE' });
    }
    return { fd, stat };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Read up to `limit` bytes from the start of an open file. */
export function readHead(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  while (length < limit) {
    const got = readSync(fd, buffer, length, limit - length, length);
    if (got === 0) break;
    length += got;
  }
  return buffer.subarray(0, length);
}
