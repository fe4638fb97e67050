import { parseArgs } from 'node:util';
import { buildProject, checkProject } from '../build/index.ts';
import { formatDiagnostics, formatSummary, hasErrors, isContentFailure, type DiagnosticFormat } from '../diagnostics/index.ts';

const HELP = `bayegan — static site generator for Persian news archives

Usage:
  bayegan build [options]   build content/ into dist/
  bayegan check [options]   check content/ without building (for editors and CI)

Options:
  --root <dir>        project folder (default: the current folder)
  --out <dir>         output folder (default: <root>/dist)
  --cache <dir>       cache folder (default: <root>/.cache)
  --drafts            include articles with draft: true
  --format <name>     diagnostics as text (default), github or json
  --strict            check: treat warnings as errors
  -h, --help          show this help

Exit codes: 0 success, 1 content errors, 2 usage error.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        cache: { type: 'string' },
        drafts: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Where the CLI prints: normally the process's stdout and stderr. */
export interface Io {
  out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  err: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
}

/** Run the CLI; resolves to the process exit code. Never lets a stack trace reach an editor. */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (stream: Io['out'], text: string) => text && stream.write(text.endsWith('\n') ? text : `${text}\n`);
  let format: DiagnosticFormat = 'text';
  let color = false;
  try {
    const { values, positionals } = parse(argv);
    const command = positionals[0];
    if (values.help || command === undefined || command === 'help') {
      write(io.out, HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (!['text', 'github', 'json'].includes(values.format)) {
      throw new UsageError(`Unexpected format \`${values.format}\`, expected text, github or json`);
    }
    format = values.format as DiagnosticFormat;
    color = format === 'text' && Boolean(io.err.isTTY) && !process.env.NO_COLOR;
    const options = { root: values.root, out: values.out, cache: values.cache, drafts: values.drafts };
    if (command === 'check') {
      const started = performance.now();
      const project = await checkProject(options);
      const list = values.strict ? project.diagnostics.map((d) => ({ ...d, severity: 'error' as const })) : project.diagnostics;
      if (list.length > 0) write(format === 'text' ? io.err : io.out, formatDiagnostics(list, format, color));
      if (format === 'text') {
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        write(io.err, `${project.jobs.size} files checked in ${seconds} s: ${formatSummary(list)}`);
      }
      return hasErrors(list) ? 1 : 0;
    }
    if (command === 'build') {
      const started = performance.now();
      const result = await buildProject(options);
      if (result.diagnostics.length > 0) write(io.err, formatDiagnostics(result.diagnostics, format, color));
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      write(
        io.out,
        `Built ${result.articles} articles into ${values.out ?? 'dist'}/ in ${seconds} s: ${result.files} files ` +
          `(${result.written} written, ${result.unchanged + result.skipped} unchanged, ${result.removed} removed); ` +
          `${result.rendered} of ${result.sources} sources parsed, the rest from the cache`,
      );
      return 0;
    }
    throw new UsageError(`Unexpected command \`${command}\`, expected build or check`);
  } catch (error) {
    if (error instanceof UsageError) {
      write(io.err, `bayegan: ${error.message}\nRun \`bayegan --help\` for usage.`);
      return 2;
    }
    if (isContentFailure(error)) {
      write(format === 'text' ? io.err : io.out, formatDiagnostics(error.diagnostics, format, color));
      write(io.err, `Nothing was written: ${formatSummary(error.diagnostics)}.`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    write(io.err, `bayegan: internal error: ${message}\nThis is a bug in bayegan, not in your content; set BAYEGAN_DEBUG=1 for details and report it.`);
    if (process.env.BAYEGAN_DEBUG && error instanceof Error) write(io.err, error.stack ?? '');
    return 70;
  }
}
