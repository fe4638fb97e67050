/**
 * Phase timings of a run, printed to stderr when `BAYEGAN_TIMINGS=1`: how a benchmark or a
 * slow CI build finds where the time goes without a profiler.
 */
export class Timings {
  private last = performance.now();
  private readonly enabled: boolean;
  readonly phases: Array<{ phase: string; ms: number }> = [];

  constructor(enabled = process.env.BAYEGAN_TIMINGS === '1') {
    this.enabled = enabled;
  }

  /** Close the phase that ran since the previous mark. */
  mark(phase: string): void {
    const now = performance.now();
    this.phases.push({ phase, ms: now - this.last });
    if (this.enabled) process.stderr.write(`  ${phase.padEnd(22)} ${(now - this.last).toFixed(0).padStart(7)} ms\n`);
    this.last = now;
  }
}
