import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildSession, UpdateResult } from '../../build/index.ts';
import { formatDiagnostics, formatSummary } from '../../diagnostics/index.ts';
import { DEFAULT_HOST, isLoopback, startDev } from '../../dev/index.ts';
import { println, reporting, UsageError, type Io, type Reporting } from '../io.ts';
import { plural } from '../summary.ts';

const SCOPES: Record<UpdateResult['scope'], string> = {
  nothing: 'nothing to rebuild',
  articles: "rebuilt the article's pages",
  site: 'checked the archive and rebuilt the site',
  theme: 'templates reloaded',
  settings: 'settings changed: rebuilt everything',
};

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}

function port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`Unexpected --port \`${value}\`, expected a number from 0 to 65535`);
  return Number(value);
}

/** `bayegan dev`: serve the archive from memory, rebuild on every save, until Ctrl-C. */
export async function devCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { root: { type: 'string' }, cache: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
  const how = reporting('text', io);
  report(how);
  if (values.root !== undefined && !statSync(values.root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`Unexpected --root \`${values.root}\`, expected a folder`);
  }
  const root = path.resolve(values.root ?? '.');
  if (!existsSync(path.join(root, 'content', 'site.yml'))) {
    throw new UsageError(`Unexpected project folder \`${root}\` without content/site.yml, expected an archive: pass --root, or start one with \`bayegan init\``);
  }
  const host = values.host ?? DEFAULT_HOST;
  let shown = '';
  const showProblems = (session: BuildSession) => {
    const text = formatDiagnostics(session.diagnostics, 'text', how.color);
    if (text !== shown && text !== '') println(io.err, `${text}\n${formatSummary(session.diagnostics)}${session.problems.length > 0 ? ': the page shows the last good version until they are fixed' : ''}`);
    else if (text !== shown) println(io.err, `${time()} no problems left`);
    shown = text;
  };
  const started = performance.now();
  let dev;
  try {
    dev = await startDev({
      root: values.root,
      cache: values.cache,
      port: port(values.port),
      host,
      log: {
        updated: (result, reloaded, session) => {
          const files = [...result.parsed, ...result.removed.map((f) => `${f} (removed)`)];
          const what = files.length === 0 ? '' : files.length <= 3 ? `${files.join(', ')}: ` : `${plural(files.length, 'file')}: `;
          println(io.out, `${time()} ${what}${SCOPES[result.scope]} in ${Math.round(result.ms)} ms${reloaded > 0 ? `; ${plural(reloaded, 'open page')} reloaded` : ''}`);
          showProblems(session);
        },
        failed: (error) => println(io.err, `${time()} bayegan dev: ${error instanceof Error ? error.message : String(error)} (the server goes on; save again to retry)`),
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Unexpected --port \`${values.port}\`: another program uses it, expected a free port (or \`--port 0\` for any free one)`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(`Unexpected --host \`${host}\` or --port \`${values.port ?? ''}\`: this machine cannot listen there`);
    throw error;
  }
  if (!isLoopback(host)) println(io.err, `bayegan dev: listening on ${host}: drafts and unpublished edits can be read by anyone who reaches this machine on the network`);
  const { sources, files } = dev.session.counts;
  println(io.out, `bayegan dev: ${plural(sources, 'source')}, ${plural(files, 'file')} in memory, ready in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  println(io.out, `  ${dev.url}`);
  println(io.out, `  watching ${dev.watching.map((f) => `${f.slice(dev.session.paths.root.length + 1)}/`).join(', ')}; drafts are shown with a banner; dist/ is never written. Ctrl-C stops.`);
  showProblems(dev.session);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await dev.close();
  return 0;
}
