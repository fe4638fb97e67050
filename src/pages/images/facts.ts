import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import { writeFileAtomic } from '../../config/index.ts';
import { hashBytes } from '../../load/index.ts';

/** What page generation needs to know of an image: its identity, size and format. */
export interface ImageFacts {
  /** SHA-256 of the bytes: the key of every resized copy. */
  hash: string;
  /** Display size, after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** `png`, `jpg`, `gif`, `webp`, `avif` … as image-size names it. */
  type: string;
  /** False when the image is too large to resize safely (a decompression bomb): it is shown as it is. */
  resizable: boolean;
}

// Larger than any photograph a newsroom publishes; beyond it decoding could take gigabytes.
const MAX_SIDE = 16_384;
const MAX_PIXELS = 80_000_000;
// A GIF is shown as it is: a still WebP copy would stop its animation.
const RESIZABLE = new Set(['png', 'jpg', 'webp', 'avif']);

/** Read the facts of an image's bytes; undefined when they are not an image image-size knows. */
export function factsOfBytes(bytes: Uint8Array): ImageFacts | undefined {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return undefined;
  }
  if (!size.width || !size.height || !size.type) return undefined;
  // EXIF orientations 5–8 turn the picture a quarter: sharp's rotate() shows it that way.
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const resizable = RESIZABLE.has(size.type) && width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_PIXELS;
  return { hash: hashBytes(bytes), width, height, type: size.type, resizable };
}

function record(facts: ImageFacts, size: number, mtimeMs: number): string {
  const body = JSON.stringify({ size, mtimeMs, ...facts });
  return `${crc32(body)}\t${body}`;
}

function parseRecord(text: string, size: number, mtimeMs: number): ImageFacts | undefined {
  const tab = text.indexOf('\t');
  const body = text.slice(tab + 1);
  if (tab < 0 || String(crc32(body)) !== text.slice(0, tab)) return undefined;
  try {
    const value = JSON.parse(body) as Partial<ImageFacts & { size: number; mtimeMs: number }>;
    if (value.size !== size || value.mtimeMs !== mtimeMs) return undefined;
    const { hash, width, height, type, resizable } = value;
    const sane =
      typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && Number.isInteger(width) && Number.isInteger(height) &&
      width! > 0 && height! > 0 && typeof type === 'string' && /^[a-z0-9]{2,8}$/.test(type) && typeof resizable === 'boolean';
    return sane ? { hash, width: width!, height: height!, type, resizable } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The facts of image files, read once per file and version: remembered in memory for one build
 * and in `.cache/images/facts/` between builds (keyed by path, size and modification time, with a
 * CRC-32), so that a warm build does not read an unchanged image at all. A damaged record is
 * never trusted: the image is read again.
 */
export class ImageFactsCache {
  private readonly memo = new Map<string, ImageFacts | undefined>();
  private readonly folder: string;

  constructor(
    cacheDir: string,
    /** Reads an image's bytes through the checks of `load/` (never a link out, a FIFO or a non-image). */
    private readonly source: (abs: string) => Uint8Array | undefined,
  ) {
    this.folder = path.join(cacheDir, 'images', 'facts');
  }

  /** Facts of the file at `abs`, or undefined when it is missing or not an image. */
  get(abs: string): ImageFacts | undefined {
    if (this.memo.has(abs)) return this.memo.get(abs);
    const facts = this.read(abs);
    this.memo.set(abs, facts);
    return facts;
  }

  private read(abs: string): ImageFacts | undefined {
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const file = path.join(this.folder, `${hashBytes(abs).slice(0, 32)}.tsv`);
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Not cached yet.
    }
    const cached = text === undefined ? undefined : parseRecord(text, stat.size, stat.mtimeMs);
    if (cached) return cached;
    const bytes = this.source(abs);
    const facts = bytes && factsOfBytes(bytes);
    if (facts) {
      try {
        writeFileAtomic(file, record(facts, stat.size, stat.mtimeMs));
      } catch {
        // A cache that cannot be written only costs a read next time.
      }
    }
    return facts;
  }
}
