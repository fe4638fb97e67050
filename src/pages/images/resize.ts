import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryPath } from '../../config/index.ts';
import { sharp } from './sharp.ts';
import { IMAGE_SETTINGS, type Variant } from './variants.ts';

/** How many copies this process resized and how many it read from the cache (for tests and timings). */
export const resizeCounts = { made: 0, cached: 0 };

/** The cache key of a resized copy: the source's bytes, the copy's shape and every setting. */
export function variantKey(sourceHash: string, variant: Variant): string {
  return createHash('sha256')
    .update(JSON.stringify([sourceHash, variant, IMAGE_SETTINGS, sharp().versions.sharp, sharp().versions.vips]))
    .digest('hex');
}

/** Resize `source` (the image's bytes) into one variant. */
export async function resize(source: Uint8Array, variant: Variant): Promise<Buffer> {
  const { quality, webpEffort } = IMAGE_SETTINGS;
  // `rotate()` applies the EXIF orientation; metadata (GPS, camera) is not copied.
  let image = sharp()(source, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize(variant.width, variant.height, { fit: variant.fit === 'cover' ? 'cover' : 'fill', position: 'attention' });
  if (variant.format === 'webp') image = image.webp({ quality, effort: webpEffort });
  else if (variant.format === 'jpeg') image = image.flatten({ background: '#ffffff' }).jpeg({ quality, progressive: true });
  else image = image.png({ compressionLevel: 9 });
  return image.toBuffer();
}

/**
 * Resized copies kept in `.cache/images/` by {@link variantKey}, each with the SHA-256 of its
 * bytes beside it: a warm build reads them instead of resizing again, and a damaged or foreign
 * file is never published (it is made again).
 */
export class ResizeCache {
  private readonly folder: string;

  constructor(
    cacheDir: string,
    /** Reads an image's bytes through the checks of `load/`; throws when it is no longer a publishable image. */
    private readonly source: (abs: string) => Uint8Array,
  ) {
    this.folder = path.join(cacheDir, 'images', 'resized');
  }

  /** The bytes of `variant` of the image at `abs` whose bytes hash to `sourceHash`. */
  async bytes(abs: string, sourceHash: string, variant: Variant): Promise<Uint8Array> {
    const key = variantKey(sourceHash, variant);
    const file = path.join(this.folder, key.slice(0, 2), `${key}${path.extname(variant.suffix)}`);
    const cached = await this.read(file);
    if (cached) {
      resizeCounts.cached += 1;
      return cached;
    }
    const source = Buffer.from(this.source(abs));
    let made: Buffer;
    try {
      made = await resize(source, variant);
    } catch {
      // Bytes that pass the format checks but that libvips cannot decode (a damaged file that a
      // browser may still show in part): the copy is the file itself, so the page keeps working.
      return source;
    }
    resizeCounts.made += 1;
    await this.write(file, made);
    return made;
  }

  private async read(file: string): Promise<Uint8Array | undefined> {
    try {
      const [bytes, sum] = await Promise.all([readFile(file), readFile(`${file}.sha256`, 'utf8')]);
      return createHash('sha256').update(bytes).digest('hex') === sum ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  private async write(file: string, bytes: Uint8Array): Promise<void> {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = temporaryPath(file);
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file);
      // The checksum last: a copy without one is not trusted.
      await writeFile(`${temp}.sum`, createHash('sha256').update(bytes).digest('hex'), { flag: 'wx' });
      await rename(`${temp}.sum`, `${file}.sha256`);
    } catch {
      // A cache that cannot be written only costs a resize next time.
    }
  }
}
