import type { DiagnosticFormat } from '../diagnostics/index.ts';

/** Where the CLI prints: normally the process's stdout and stderr. */
export interface Io {
  out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  err: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
}

/** A mistake in the command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/** Print a line (adds the newline). */
export function println(stream: Io['out'], text: string): void {
  if (text) stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** How diagnostics are printed, shared by every command. */
export interface Reporting {
  format: DiagnosticFormat;
  color: boolean;
}

/** Read `--format` and decide on colour (text on a terminal, unless NO_COLOR is set). */
export function reporting(format: string | undefined, io: Io): Reporting {
  const value = format ?? 'text';
  if (!['text', 'github', 'json'].includes(value)) throw new UsageError(`Unexpected format \`${value}\`, expected text, github or json`);
  return { format: value as DiagnosticFormat, color: value === 'text' && Boolean(io.err.isTTY) && !process.env.NO_COLOR };
}

/** Options every command that reads a project understands. */
export const projectOptions = {
  root: { type: 'string' },
  out: { type: 'string' },
  cache: { type: 'string' },
  drafts: { type: 'boolean', default: false },
  format: { type: 'string' },
} as const;
