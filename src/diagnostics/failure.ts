import type { Diagnostic } from './diagnostic.ts';

/**
 * Thrown to stop a run because of content errors. The CLI prints its diagnostics and exits
 * with code 1; it is never shown as a stack trace.
 */
export class ContentFailure extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`${errors} content error${errors === 1 ? '' : 's'}`);
    this.name = 'ContentFailure';
    this.diagnostics = diagnostics;
  }
}

/** True for a {@link ContentFailure}, also one that crossed a worker thread as plain data. */
export function isContentFailure(error: unknown): error is ContentFailure {
  return error instanceof ContentFailure || (error instanceof Error && error.name === 'ContentFailure');
}
