import { parseArgs } from 'node:util';
import { buildProject } from '../../build/index.ts';
import { baseUrlSchema, resolvePaths } from '../../config/index.ts';
import { formatDiagnostics, printable } from '../../diagnostics/index.ts';
import { println, projectOptions, reporting, UsageError, type Io, type Reporting } from '../io.ts';
import { progressView } from '../progress.ts';
import { projectRoot } from '../run-options.ts';
import { summaryJson, summaryText } from '../summary.ts';

const EXIT_ON: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Run a build that SIGINT and SIGTERM stop at once: the output folder is released and the
 * process exits; the live site is whole at every moment, so there is nothing else to undo.
 */
async function withSignals<T>(run: (signal: AbortSignal) => Promise<T>, stopped: () => void): Promise<T> {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    controller.abort();
    stopped();
    process.stderr.write(`\nbayegan: stopped by ${name}; the site in the output folder is the one before this build.\n`);
    process.exit(EXIT_ON[name]);
  };
  const handlers = Object.keys(EXIT_ON).map((name) => [name, () => stop(name as NodeJS.Signals)] as const);
  for (const [name, handler] of handlers) process.once(name, handler);
  try {
    return await run(controller.signal);
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}

const options = {
  ...projectOptions,
  'base-url': { type: 'string' },
  verbose: { type: 'boolean', default: false },
} as const;

/**
 * Read `--base-url`. A preview deploy's URL comes from CI, often from a variable that may be
 * empty or mistyped: say so before anything is built, the way site.yml's own `baseUrl` is checked.
 */
export function baseUrlOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = baseUrlSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`Unexpected --base-url \`${value}\`, ${parsed.error.issues[0]?.message ?? 'expected an absolute http(s) URL'}`);
  return parsed.data;
}

/** `bayegan build`: check the archive, then write `dist/`; ends with a summary table (a JSON object with `--format json`). */
export async function buildCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options });
  const how = reporting(values.format, io);
  report(how);
  const root = projectRoot(values.root);
  const baseUrl = baseUrlOption(values['base-url']);
  const started = performance.now();
  // In the machine formats stdout carries only JSON lines or annotations; people read stderr.
  const progress = progressView(io.err, { lines: true });
  const out = resolvePaths({ root, out: values.out }).out;
  let result;
  try {
    result = await withSignals(
      (signal) =>
        buildProject({
          root,
          out: values.out,
          cache: values.cache,
          drafts: values.drafts,
          baseUrl,
          listener: progress.listener,
          listFiles: values.verbose,
          signal,
          waiting: (message) => println(io.err, message),
        }),
      () => progress.stop(),
    );
  } finally {
    progress.stop();
  }
  const ms = performance.now() - started;
  if (result.diagnostics.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(result.diagnostics, how.format, how.color));
  for (const warning of result.warnings) println(io.err, `warning: ${printable(warning)}`);
  if (how.format === 'json') {
    println(io.out, summaryJson(result, out, ms, baseUrl));
    return 0;
  }
  const summary = how.format === 'text' ? io.out : io.err;
  println(summary, summaryText(result, out, ms, baseUrl));
  if (values.verbose && result.lists) {
    for (const file of result.lists.written) println(summary, `written  ${printable(file)}`);
    for (const file of result.lists.removed) println(summary, `removed  ${printable(file)}`);
  }
  return 0;
}
