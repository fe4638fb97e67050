import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 collects the old generation only when it has grown well past what is alive, and a build
// makes garbage in bursts (an index read, a validation pass). Between phases, when much has just
// died, a full collection brings the heap back to its live size: peak memory follows the live
// data, not the bursts. A full collection costs 100–300 ms; after a phase that made little
// garbage on a small heap (a warm build of 20,000 articles) it is not worth it, and V8's own
// schedule is left alone.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

const LARGE_HEAP_BYTES = 256 * 1024 * 1024;

/**
 * Collect garbage now, between phases of a build: always when `madeMuch` (the phase parsed many
 * files, whose results crossed threads), otherwise only on a large heap.
 */
export function collectGarbage(madeMuch = true): void {
  if (madeMuch || process.memoryUsage().heapUsed >= LARGE_HEAP_BYTES) gc?.();
}
