import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 collects the old generation only when it has grown well past what is alive, and a build
// makes garbage in bursts (an index read, a validation pass). Between phases, when much has just
// died, a full collection brings the heap back to its live size: peak memory follows the live
// data, not the bursts. This costs a fraction of a second per phase on a large archive.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** Collect garbage now, between phases of a build. */
export function collectGarbage(): void {
  gc?.();
}
