import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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

/** Threads for a build: one per core, overridable with BAYEGAN_THREADS (0 runs everything in the main thread). */
export function defaultThreads(): number {
  const override = process.env.BAYEGAN_THREADS;
  if (override !== undefined && /^\d+$/.test(override)) return Number(override);
  return availableParallelism();
}

/**
 * A worker pool (piscina) of `threads` threads. Results never depend on scheduling: every
 * task is pure given its input, and callers put results back in input order.
 */
export function createRunner(threads: number, heapMb = WORKER_HEAP_MB): Runner {
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
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return {
    threads,
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
