import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 collects the old generation only when it has grown well past what is alive, and on a
// machine with memory to spare it lets it grow far: a build makes garbage in bursts (an index
// read, a validation pass) and, while it renders pages, all the time (contexts, results). A full
// collection brings the heap back to its live size, so peak memory follows the live data, not
// the garbage. It costs 0.1–0.3 s per collection, which a phase that made little garbage on a
// small heap (a warm build of 20,000 articles) does not repay.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** Between phases, a heap this large is collected even after a phase that made little garbage. */
const LARGE_HEAP_BYTES = 256 * 1024 * 1024;
/**
 * During a phase, how far the heap may grow past the last checkpoint before it is collected: 32 MB,
 * or an eighth of the heap when that is more. A full collection costs in proportion to what is
 * alive; at 100,000 articles (~500 MB) collecting every 32 MB made an edit 2 s and a cold build
 * 100 s of CPU slower, while at 20,000 (~110 MB) it keeps the peak ~30 MB lower than 64 MB did.
 */
const GROWTH_BYTES = 32 * 1024 * 1024;
const GROWTH_SHARE = 8;

// The heap's size at the last collection or checkpoint.
let baseline = 0;

function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

function collect(): void {
  gc?.();
  baseline = heapUsed();
}

/**
 * Between phases of a build: collect always when `madeMuch` (the phase parsed many files, whose
 * results crossed threads), otherwise only on a large heap.
 */
export function collectGarbage(madeMuch: boolean): void {
  if (madeMuch || heapUsed() >= LARGE_HEAP_BYTES) collect();
  else baseline = heapUsed();
}

/**
 * During a long phase (cheap enough to call every thousand pages): collect when the heap has grown
 * by {@link GROWTH_BYTES} or an eighth. With `idle` threads (an edit renders its few pages here)
 * and a heap under {@link LARGE_HEAP_BYTES}, never: at 20,000 articles an edit's collections cost
 * 0.15 s and kept it 17 MB lower, far under any limit; at 100,000 (~500 MB of heap) they keep an
 * edit's peak ~300 MB lower.
 */
export function collectIfGrown(idle = false): void {
  const used = heapUsed();
  if (idle && used < LARGE_HEAP_BYTES) return;
  if (used - baseline >= Math.max(GROWTH_BYTES, baseline / GROWTH_SHARE)) collect();
}
