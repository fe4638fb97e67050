import { closeSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeBytes, IMAGE_EXTENSIONS, sniffImage, SNIFF_BYTES, type ImageFormat } from './image-format.ts';
import { isInside, openRegular, readFailure, readHead } from './safe-read.ts';

/** Largest image published, in bytes: a news photo is a few hundred kilobytes. */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
const DESCRIBE_BYTES = 1024;

/** Why a referenced file is not published as an image. */
export type ImageProblem =
  | { kind: 'missing' }
  /** With symbolic links resolved, the file lies outside the project. */
  | { kind: 'outside'; real: string }
  | { kind: 'folder' }
  /** A FIFO, a device or a socket: never opened. */
  | { kind: 'special' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'too-large'; size: number }
  /** The name does not end in an image format's extension (`.svg` included). */
  | { kind: 'extension'; extension: string }
  /** The bytes are not an image format browsers show; `looks` says what they seem to be. */
  | { kind: 'bytes'; looks: string };

/** An image file that passed every check; `bytes` when the whole file was asked for. */
export interface CheckedImage {
  format: ImageFormat;
  size: number;
  bytes?: Buffer;
}

function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}

/**
 * Judge a file referred to as an image, and read it if `whole`: it must exist, lie inside
 * `root` once symbolic links are resolved, be a regular file (a FIFO or device is never opened),
 * be named as an image and start with the bytes of PNG, JPEG, GIF, WebP or AVIF. Reading goes
 * through the descriptor that was checked, so the bytes published are the bytes judged.
 */
export function readImageFile(abs: string, root: string, whole: boolean): CheckedImage | { problem: ImageProblem } {
  let real: string;
  try {
    // One realpath(3) call; the JavaScript one stats every component of the path.
    real = realpathSync.native(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: { kind: 'missing' } };
    return { problem: { kind: 'unreadable', reason: code === 'ELOOP' ? 'a loop of symbolic links' : readFailure(error) } };
  }
  const inside = realRoot(root);
  if (!isInside(real, inside)) return { problem: { kind: 'outside', real } };
  let stat;
  try {
    stat = statSync(real);
  } catch (error) {
    return { problem: { kind: 'unreadable', reason: readFailure(error) } };
  }
  if (stat.isDirectory()) return { problem: { kind: 'folder' } };
  if (!stat.isFile()) return { problem: { kind: 'special' } };
  const extension = path.extname(abs).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(extension)) return { problem: { kind: 'extension', extension } };
  if (stat.size > MAX_IMAGE_BYTES) return { problem: { kind: 'too-large', size: stat.size } };
  let opened;
  try {
    opened = openRegular(real, inside);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EOUTSIDE') return { problem: { kind: 'outside', real } };
    if (code === 'ESPECIAL') return { problem: { kind: 'special' } };
    return { problem: { kind: 'unreadable', reason: readFailure(error) } };
  }
  try {
    const size = opened.stat.size;
    if (size > MAX_IMAGE_BYTES) return { problem: { kind: 'too-large', size } };
    const bytes = readHead(opened.fd, whole ? size : Math.min(size, SNIFF_BYTES));
    const format = sniffImage(bytes.subarray(0, SNIFF_BYTES));
    // More of the start says what else the file seems to be (an SVG's `<svg` may follow a long comment).
    if (!format) return { problem: { kind: 'bytes', looks: describeBytes(readHead(opened.fd, Math.min(size, DESCRIBE_BYTES))) } };
    return whole ? { format, size, bytes } : { format, size };
  } catch (error) {
    return { problem: { kind: 'unreadable', reason: readFailure(error) } };
  } finally {
    closeSync(opened.fd);
  }
}
