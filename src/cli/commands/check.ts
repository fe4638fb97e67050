import { parseArgs } from 'node:util';
import { checkProject } from '../../build/index.ts';
import { formatDiagnostics, formatSummary, hasErrors } from '../../diagnostics/index.ts';
import { println, projectOptions, reporting, type Io, type Reporting } from '../io.ts';

/** `bayegan check`: the pipeline up to validation; every problem of the archive in one run. */
export async function checkCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { ...projectOptions, strict: { type: 'boolean', default: false } } });
  const how = reporting(values.format, io);
  report(how);
  const started = performance.now();
  const project = await checkProject({ root: values.root, cache: values.cache, drafts: values.drafts });
  const list = values.strict ? project.diagnostics.map((d) => ({ ...d, severity: 'error' as const })) : project.diagnostics;
  if (list.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(list, how.format, how.color));
  if (how.format === 'text') {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    println(io.err, `${project.sources.length} files checked in ${seconds} s: ${formatSummary(list)}`);
  }
  return hasErrors(list) ? 1 : 0;
}
