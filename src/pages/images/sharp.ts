import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../config/index.ts';

type Sharp = typeof import('sharp').default;

let lib: Sharp | undefined;

/**
 * sharp, loaded on first use, from bayegan's own dependencies. Loading it (libvips and its
 * threads) costs ~20 MB in every thread that does; only the main thread draws and resizes
 * images, and a build without images to resize loads it only for its version.
 */
export function sharp(): Sharp {
  if (!lib) {
    lib = createRequire(path.join(packageRoot, 'package.json'))('sharp') as Sharp;
    // libvips' own threads resize; one image at a time per call keeps memory flat on a small machine.
    lib.concurrency(Math.max(1, Math.min(4, lib.concurrency())));
    lib.cache(false);
  }
  return lib;
}
