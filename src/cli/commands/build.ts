import { parseArgs } from 'node:util';
import { buildProject } from '../../build/index.ts';
import { resolvePaths } from '../../config/index.ts';
import { formatDiagnostics } from '../../diagnostics/index.ts';
import { println, projectOptions, reporting, type Io, type Reporting } from '../io.ts';
import { progressView } from '../progress.ts';
import { summaryJson, summaryText } from '../summary.ts';

const options = { ...projectOptions, verbose: { type: 'boolean', default: false } } as const;

/** `bayegan build`: check the archive, then write `dist/`; ends with a summary table (a JSON object with `--format json`). */
export async function buildCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options });
  const how = reporting(values.format, io);
  report(how);
  const started = performance.now();
  // In the machine formats stdout carries only JSON lines or annotations; people read stderr.
  const progress = progressView(io.err, { lines: true });
  const out = resolvePaths({ root: values.root, out: values.out }).out;
  let result;
  try {
    result = await buildProject({ root: values.root, out: values.out, cache: values.cache, drafts: values.drafts, listener: progress.listener, listFiles: values.verbose });
  } finally {
    progress.stop();
  }
  const ms = performance.now() - started;
  if (result.diagnostics.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(result.diagnostics, how.format, how.color));
  for (const warning of result.warnings) println(io.err, `warning: ${warning}`);
  if (how.format === 'json') {
    println(io.out, summaryJson(result, out, ms));
    return 0;
  }
  const summary = how.format === 'text' ? io.out : io.err;
  println(summary, summaryText(result, out, ms));
  if (values.verbose && result.lists) {
    for (const file of result.lists.written) println(summary, `written  ${file}`);
    for (const file of result.lists.removed) println(summary, `removed  ${file}`);
  }
  return 0;
}
