import type { BuildListener } from './progress.ts';

/**
 * Phase timings of a run, printed to stderr when `BAYEGAN_TIMINGS=1`: how a benchmark or a
 * slow CI build finds where the time goes without a profiler. Each phase is also told to the
 * run's listener (the CLI's progress lines and summary).
 */
export class Timings {
  private last = performance.now();
  private readonly enabled: boolean;
  readonly phases: Array<{ phase: string; detail?: string; ms: number }> = [];

  constructor(
    readonly listener?: BuildListener,
    enabled = process.env.BAYEGAN_TIMINGS === '1',
  ) {
    this.enabled = enabled;
  }

  /** Close the phase that ran since the previous mark; `detail` says what it worked on (`20000 files`). */
  mark(phase: string, detail?: string): void {
    const now = performance.now();
    const ms = now - this.last;
    this.phases.push({ phase, ms, ...(detail !== undefined && { detail }) });
    if (this.enabled) process.stderr.write(`  ${(detail === undefined ? phase : `${phase} ${detail}`).padEnd(22)} ${ms.toFixed(0).padStart(7)} ms\n`);
    this.listener?.({ type: 'phase', phase, ms, ...(detail !== undefined && { detail }) });
    this.last = now;
  }
}
