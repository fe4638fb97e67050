import { Worker } from 'node:worker_threads';
import type { Inspection, InspectJob } from '../write/index.ts';

/** A thread that inspects the output folder (see `inspectTree`), one job at a time, in order. */
export interface Inspector {
  inspect(job: InspectJob): Promise<Inspection | undefined>;
  close(): Promise<void>;
}

// Its largest data is the record of the live site (~40 MB at 100,000 articles).
const HEAP_MB = 256;

/** Start the thread now (it loads while the build does other work); jobs wait for it. */
export function startInspector(): Inspector {
  const worker = new Worker(new URL('./inspect-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 8 } });
  const waiting: Array<{ resolve: (found: Inspection | undefined) => void; reject: (error: Error) => void }> = [];
  let failed: Error | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    for (const job of waiting.splice(0)) job.reject(error);
  };
  worker.on('message', (message: { found?: Inspection; error?: string }) => {
    const job = waiting.shift();
    if (message.error !== undefined) job?.reject(new Error(message.error));
    else job?.resolve(message.found);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('The inspecting thread stopped.')));
  return {
    inspect(job) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(job);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
