import cliProgress from 'cli-progress';
import type { BuildListener } from '../build/index.ts';
import { println, type Io } from './io.ts';

// What each phase of a run is called where people read it; an id not here is shown as it is.
const LABELS: Record<string, string> = {
  scan: 'find sources',
  'stat sources': 'read file times',
  'read cache index': 'read the cache',
  compile: 'parse Markdown',
  pages: 'render pages',
  validate: 'check',
  'write cache index': 'write the cache',
  'site model': 'index the archive',
  'pages and outputs': 'render pages',
  'output folder': 'prepare the output folder',
  commit: 'publish',
  'up to date': 'compare with the last build',
};

/** The name people read for a phase id. */
export function phaseLabel(phase: string): string {
  return LABELS[phase] ?? phase;
}

/** Seconds as the CLI prints them. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Shows a run's progress on `stream`, and stops showing it. */
export interface ProgressView {
  listener: BuildListener;
  stop(): void;
}

/**
 * On a terminal, a progress bar with counts and time left for each long phase (cleared when
 * it ends); elsewhere (CI), when `lines`, one line per phase as it ends; otherwise nothing.
 */
export function progressView(stream: Io['err'], options: { lines: boolean }): ProgressView {
  if (!stream.isTTY) {
    const listener: BuildListener = (event) => {
      if (event.type === 'phase' && options.lines) println(stream, `  ${phaseLabel(event.phase)}${event.detail ? ` (${event.detail})` : ''} in ${seconds(event.ms)}`);
    };
    return { listener, stop: () => {} };
  }
  let bar: { phase: string; bar: cliProgress.SingleBar } | undefined;
  const end = () => {
    bar?.bar.stop();
    bar = undefined;
  };
  const listener: BuildListener = (event) => {
    if (event.type === 'phase') return end();
    if (bar?.phase !== event.phase) {
      end();
      const view = new cliProgress.SingleBar(
        {
          // A terminal is a full write stream; the Io type only names what every stream has.
          stream: stream as NodeJS.WriteStream,
          format: `  ${phaseLabel(event.phase).padEnd(16)} {bar} {value}/{total} · {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
          barsize: 24,
        },
        cliProgress.Presets.shades_classic,
      );
      view.start(event.total, event.done);
      bar = { phase: event.phase, bar: view };
      return;
    }
    bar.bar.setTotal(event.total);
    bar.bar.update(event.done);
  };
  return { listener, stop: end };
}
