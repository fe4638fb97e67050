import { parentPort } from 'node:worker_threads';
// Imported from its module, not `write/`'s index: the thread loads this and what it needs, not the pages.
import { inspectTree, type InspectJob } from '../write/inspect.ts';

/**
 * The body of the thread that looks at the output folder while a build makes its pages (see
 * `inspectTree`): a job in, what it found out. A thread of its own rather than a pool thread, so
 * that it loads only this much code: starting one with all of bayegan took ~150 ms of CPU, on the
 * core the search index and the pages' keys are made on.
 */
parentPort?.on('message', (job: InspectJob) => {
  try {
    parentPort!.postMessage({ found: inspectTree(job) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
