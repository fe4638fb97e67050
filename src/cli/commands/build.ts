import { parseArgs } from 'node:util';
import { buildProject } from '../../build/index.ts';
import { formatDiagnostics } from '../../diagnostics/index.ts';
import { println, projectOptions, reporting, type Io, type Reporting } from '../io.ts';
import { projectRoot } from '../run-options.ts';

/** `bayegan build`: check the archive, then write `dist/`. */
export async function buildCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options: projectOptions });
  const how = reporting(values.format, io);
  report(how);
  const root = projectRoot(values.root);
  const started = performance.now();
  const result = await buildProject({ root, out: values.out, cache: values.cache, drafts: values.drafts });
  if (result.diagnostics.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(result.diagnostics, how.format, how.color));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  println(
    io.out,
    `Built ${result.articles} articles into ${values.out ?? 'dist'}/ in ${seconds} s: ${result.files} files ` +
      `(${result.written} written, ${result.unchanged} rendered but unchanged, ${result.skipped} up to date, ${result.removed} removed); ` +
      `${result.rendered} of ${result.sources} sources parsed, the rest from the cache` +
      (result.upToDate ? '; nothing had changed since the last build' : ''),
  );
  return 0;
}
