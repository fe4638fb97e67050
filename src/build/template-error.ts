import path from 'node:path';
import { displayPath, type ProjectPaths } from '../config/index.ts';
import { ContentFailure, type Diagnostic } from '../diagnostics/index.ts';

// liquidjs ends every message with where it happened; the same text survives a worker thread.
const WHERE = /,? ?file:(.*?), line:(\d+), col:(\d+)$/s;
const LIQUID_ERRORS = new Set(['ParseError', 'RenderError', 'TokenizationError', 'UndefinedVariableError', 'AssertionError', 'LiquidError']);

interface LiquidLike {
  name: string;
  message: string;
  token?: { file?: string; getPosition?: () => [number, number] };
  originalError?: { message?: string };
}

/**
 * A Liquid error (a template that does not parse or render) as a diagnostic at the template's
 * line and column; undefined for any other error. Works on errors that crossed a worker thread,
 * which keep only their name and message.
 */
export function templateDiagnostic(error: unknown, paths: Pick<ProjectPaths, 'root'>): Diagnostic | undefined {
  const e = error as LiquidLike;
  if (!(error instanceof Error) || !LIQUID_ERRORS.has(e.name)) return undefined;
  const where = WHERE.exec(e.message);
  const file = e.token?.file ?? where?.[1];
  if (!file) return undefined;
  const [line, column] = e.token?.getPosition?.() ?? [Number(where?.[2] ?? 1), Number(where?.[3] ?? 1)];
  const reason = (e.originalError?.message ?? e.message).replace(WHERE, '').trim();
  const inside = !path.relative(paths.root, file).startsWith('..');
  return {
    file: inside ? displayPath(paths, file) : file,
    line,
    column,
    ruleId: 'template-error',
    severity: 'error',
    message: `Unexpected Liquid error: ${reason}`,
    note: 'Correct the template: Liquid tags are `{% … %}` and close where they open (`{% if %}` … `{% endif %}`); the filters bayegan adds are listed in its README (Templates).',
  };
}

/** The same, as the failure a build stops with; undefined for any other error. */
export function templateFailure(error: unknown, paths: Pick<ProjectPaths, 'root'>): ContentFailure | undefined {
  const diagnostic = templateDiagnostic(error, paths);
  return diagnostic && new ContentFailure([diagnostic]);
}
