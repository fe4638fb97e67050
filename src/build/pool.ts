import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { envWholeNumber } from '../config/index.ts';
import runTask, { type Task } from './tasks.ts';

/** Runs tasks on worker threads, or in this thread when there are none. */
export interface Runner {
  run<T>(task: Task): Promise<T>;
  /** Threads in the pool (0: everything runs in this thread). */
  threads: number;
  close(): Promise<void>;
}

/** Old-generation heap of each pool thread, in MiB. */
export const WORKER_HEAP_MB = 384;

/** Heap limits of a pool's threads, in MiB. */
export interface ThreadLimits {
  /** Old generation (default {@link WORKER_HEAP_MB}). */
  heapMb?: number;
  /** Young generation (default: V8's, up to 48 MiB per thread). */
  youngMb?: number;
}

/**
 * Threads that render pages (and index search shards) make short-lived garbage — contexts, HTML
 * strings — and keep little. V8's young generation (up to 48 MiB per thread) is committed memory
 * in each thread; 8 MiB collects that garbage as well, and a cold build of 20,000 articles peaks
 * ~90 MB lower with two page threads and a search thread (docs/benchmarks.md). Parsing, whose
 * trees live longer, keeps V8's default: a cold build parsed in 42 s with 8 MiB, 26–31 s without.
 */
export const PAGE_THREADS: ThreadLimits = { youngMb: 8 };

/** Threads for a build: one per core, overridable with BAYEGAN_THREADS (0 runs everything in the main thread). */
export function defaultThreads(): number {
  return envWholeNumber('BAYEGAN_THREADS') ?? availableParallelism();
}

/**
 * A worker pool (piscina) of `threads` threads. Results never depend on scheduling: every
 * task is pure given its input, and callers put results back in input order.
 */
export function createRunner(threads: number, { heapMb = WORKER_HEAP_MB, youngMb }: ThreadLimits = {}): Runner {
  if (threads === 0) {
    return { threads, run: (task) => runTask(task) as Promise<never>, close: async () => {} };
  }
  const pool = new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // A thread's live data is one batch and its template caches; without a limit V8 lets each
    // thread's heap grow to gigabytes of garbage before collecting, and peak memory with it.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, ...(youngMb !== undefined && { maxYoungGenerationSizeMb: youngMb }) },
  });
  return {
    threads,
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
