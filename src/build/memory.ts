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

/** A heap this large is collected while an edit renders its few pages, once it has doubled (see `collectIfGrown`). */
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
 * Between phases of a build: collect when `madeMuch` (the phase parsed many files, whose results
 * crossed threads); otherwise the heap's size is the checkpoint `collectIfGrown` measures from.
 * (Collecting a large heap after a phase that made little garbage, as bayegan did until stop 20,
 * cost an edit of 100,000 articles two pauses of ~0.28 s each, for ~40 MB of its peak.)
 */
export function collectGarbage(madeMuch: boolean): void {
  if (madeMuch) collect();
  else baseline = heapUsed();
}

/**
 * During a long phase (cheap enough to call every thousand pages): collect when the heap has grown
 * by {@link GROWTH_BYTES} or an eighth. With `idle` threads (an edit renders its few pages here),
 * only a heap over {@link LARGE_HEAP_BYTES} that has doubled: a full collection is a pause of the
 * whole build (V8's own collections mark concurrently), and an edit's garbage is its pages' keys
 * and outputs, made once. At 100,000 articles (~300 MB after the checks) collecting at every eighth
 * cost an edit five pauses, 1.5 s of its 13–14 s, for a peak ~180 MB lower (840 against ~1,020 MB,
 * still far under a cold build's 1.4 GB); at 20,000 (~130 MB) an edit never collects.
 */
export function collectIfGrown(idle = false): void {
  const used = heapUsed();
  if (idle ? used >= LARGE_HEAP_BYTES && used >= 2 * baseline : used - baseline >= Math.max(GROWTH_BYTES, baseline / GROWTH_SHARE)) collect();
}
