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

/**
 * Thrown when a run cannot start because of where it was asked to work (an output folder that
 * bayegan does not own, a cache inside the site): a usage error, exit code 2, never a stack trace.
 */
export class SetupFailure extends Error {
  constructor(
    message: string,
    /** What to do about it, printed under the message. */
    readonly fix: string,
  ) {
    super(message);
    this.name = 'SetupFailure';
  }
}

/** True for a {@link SetupFailure}, also one that crossed a worker thread as plain data. */
export function isSetupFailure(error: unknown): error is SetupFailure {
  return error instanceof SetupFailure || (error instanceof Error && error.name === 'SetupFailure');
}
