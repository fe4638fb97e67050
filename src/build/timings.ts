import type { BuildListener } from './progress.ts';

/**
 * Phase timings of a run, printed to stderr when `BAYEGAN_TIMINGS=1`: how a benchmark or a
 * slow CI build finds where the time goes without a profiler. `BAYEGAN_TIMINGS=cpu` adds the
 * CPU time of the process in each phase (all its threads), which another program's load on the
 * machine does not inflate as it does the wall time. Each phase is also told to the run's
 * listener (the CLI's progress lines and summary).
 */
export class Timings {
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private readonly enabled: boolean;
  private readonly cpu: boolean;
  readonly phases: Array<{ phase: string; detail?: string; ms: number }> = [];

  constructor(
    readonly listener?: BuildListener,
    setting = process.env.BAYEGAN_TIMINGS,
  ) {
    this.enabled = setting === '1' || setting === 'cpu';
    this.cpu = setting === 'cpu';
  }

  /** Close the phase that ran since the previous mark; `detail` says what it worked on (`20000 files`). */
  mark(phase: string, detail?: string): void {
    const now = performance.now();
    const ms = now - this.last;
    this.phases.push({ phase, ms, ...(detail !== undefined && { detail }) });
    if (this.enabled) {
      const cpu = process.cpuUsage(this.lastCpu);
      this.lastCpu = process.cpuUsage();
      const cpuMs = this.cpu ? `  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms` : '';
      process.stderr.write(`  ${(detail === undefined ? phase : `${phase} ${detail}`).padEnd(22)} ${ms.toFixed(0).padStart(7)} ms${cpuMs}\n`);
    }
    this.listener?.({ type: 'phase', phase, ms, ...(detail !== undefined && { detail }) });
    this.last = now;
  }
}
