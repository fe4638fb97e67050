/**
 * What a running build tells whoever watches it: the CLI draws a progress bar or prints one
 * line per phase from these, and its summary shows the time of each phase. Listening never
 * changes what a build does.
 */

/** A phase of a run ended (`scan`, `compile`, `validate`, `site model`, `pages and outputs`, `commit` …). */
export interface PhaseEvent {
  type: 'phase';
  /** A stable id, as `BAYEGAN_TIMINGS=1` prints it. */
  phase: string;
  /** What the phase worked on, for people: `20000 files`. */
  detail?: string;
  ms: number;
}

/** A long phase moved on: `done` of `total` items. */
export interface ProgressEvent {
  type: 'progress';
  /** `compile`: sources parsed and rendered; `pages`: output files made or found up to date. */
  phase: 'compile' | 'pages';
  done: number;
  total: number;
}

/** Anything a build reports while it runs. */
export type BuildEvent = PhaseEvent | ProgressEvent;

/** Receives a build's events; called synchronously, so it must be quick. */
export type BuildListener = (event: BuildEvent) => void;

/** How often (in items) a long phase reports progress: often enough for a bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 64;
