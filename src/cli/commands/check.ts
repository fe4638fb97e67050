import { parseArgs } from 'node:util';
import { applyFixes, fixesOf, type FixResult } from '../../build/fix.ts';
import { checkProject, type CheckedProject, type RunOptions } from '../../build/index.ts';
import { formatDiagnostics, formatSummary, hasErrors, isContentFailure, type Diagnostic } from '../../diagnostics/index.ts';
import { println, projectOptions, reporting, type Io, type Reporting } from '../io.ts';
import { progressView } from '../progress.ts';
import { projectRoot } from '../run-options.ts';
import { plural } from '../summary.ts';
import { baseUrlOption } from './build.ts';

const options = {
  ...projectOptions,
  // The same URL as the build's: the cache keeps what a file parses to under its site settings.
  'base-url': { type: 'string' },
  strict: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
} as const;

function printFixes(io: Io, result: FixResult): void {
  const sorted = [...result.applied].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const fix of sorted) println(io.err, `${fix.file}:${fix.line}:${fix.column}: fixed: ${fix.change}`);
  for (const file of result.changed) println(io.err, `${file}: not fixed: the file changed while it was being checked; run \`bayegan check --fix\` again`);
  const files = new Set(result.applied.map((f) => f.file)).size;
  println(io.err, `Fixed ${plural(result.applied.length, 'value')} in ${plural(files, 'file')}.`);
}

/**
 * `bayegan check`: the pipeline up to validation; every problem of the archive in one run.
 * `--strict` makes warnings errors; `--fix` applies the mechanical fixes, then checks again.
 */
export async function checkCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options });
  const how = reporting(values.format, io);
  report(how);
  const started = performance.now();
  // A bar on a terminal only: check's output in CI is its diagnostics and one line.
  const progress = progressView(io.err, { lines: false });
  const run: RunOptions = { root: projectRoot(values.root), cache: values.cache, drafts: values.drafts, baseUrl: baseUrlOption(values['base-url']), listener: progress.listener };
  let project: CheckedProject | undefined;
  let found: Diagnostic[];
  try {
    project = await checkProject(run);
    if (values.fix) {
      const result = await applyFixes(project);
      printFixes(io, result);
      if (result.applied.length > 0) project = await checkProject(run);
    }
    found = project.diagnostics;
  } catch (error) {
    // Invalid site settings stop the run before any article is read: report them like the rest.
    if (!isContentFailure(error)) throw error;
    found = error.diagnostics;
  } finally {
    progress.stop();
  }
  const list = values.strict ? found.map((d) => ({ ...d, severity: 'error' as const })) : found;
  if (list.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(list, how.format, how.color));
  if (how.format === 'text') {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    println(io.err, `${plural(project?.hashes.size ?? 0, 'file')} checked in ${seconds} s: ${formatSummary(list)}`);
    const fixable = values.fix || !project ? 0 : fixesOf(project).length;
    if (fixable > 0) println(io.err, `\`bayegan check --fix\` can make ${fixable} mechanical fix${fixable === 1 ? '' : 'es'} (spellings, Arabic letters, date forms).`);
  }
  return hasErrors(list) ? 1 : 0;
}
