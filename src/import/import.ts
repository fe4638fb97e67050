/**
 * `bayegan import`: a batch of dumps, one article each, into `content/news/<jy>/<jm>/`.
 * Every dump is read, parsed, matched with the registry and placed on its own; a dump that
 * fails is reported and writes nothing, and the batch goes on.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath, loadSiteConfig, resolvePaths, type ProjectPaths } from '../config/index.ts';
import { fromVFile, report, type Diagnostic } from '../diagnostics/index.ts';
import { parseDump } from './parse-dump.ts';
import { readDump } from './read-dump.ts';
import { ServiceRegistry } from './registry.ts';
import { visibleFiles } from './list-files.ts';
import { indexShenaseh } from './shenaseh-index.ts';
import type { DumpArticle, ImportProblem } from './types.ts';
import { articleMarkdown, placeArticle, targetFile } from './write-article.ts';
import { writeAtomic } from './write-file.ts';

/** Options of {@link importDumps}. */
export interface ImportOptions {
  /** Project folder. Default: the current directory. */
  root?: string;
  /** Dump files, and folders whose files (at any depth, hidden ones left out) are dumps. */
  inputs: string[];
  /** Add a service the registry does not know to `content/site.yml`. Default: false. */
  addServices?: boolean;
  /** Replace an article that has the dump's shenaseh but other text. Default: false. */
  force?: boolean;
}

/** What a batch did. */
export interface ImportResult {
  imported: number;
  unchanged: number;
  failed: number;
  /** One error per failed dump. */
  diagnostics: Diagnostic[];
  /** What was done besides writing new articles: services added, articles replaced. */
  notes: string[];
}

/** Every dump file named by the inputs, in a stable order. */
async function dumpFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    files.push(...((await stat(abs)).isDirectory() ? await visibleFiles(abs) : [abs]));
  }
  return files;
}

/** A dump's path as messages show it: relative to the current folder when it is inside it. */
function shownPath(abs: string): string {
  const relative = path.relative(process.cwd(), abs);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? abs : relative).split(path.sep).join('/');
}

/** The problem of a dump whose shenaseh belongs to another article already in the archive. */
function conflict(article: DumpArticle, existing: string): ImportProblem {
  const id = article.shenaseh.value;
  return {
    ruleId: 'import-conflict',
    message: `Unexpected shenaseh \`${id}\` of another article, expected the article already in \`${existing}\``,
    note: `\`${existing}\` holds other text under this shenaseh (another article, or this one edited since it was imported). Import with \`--force\` to replace it with the dump, or correct the dump's id.`,
    line: article.shenaseh.line,
    column: article.shenaseh.column,
  };
}

/** What every dump of one batch shares. */
interface Batch {
  paths: ProjectPaths;
  registry: ServiceRegistry;
  /** Shenaseh → the file holding it, kept up to date as articles are written. */
  index: Map<number, string>;
  options: ImportOptions;
  result: ImportResult;
}

/** Import one dump; its problem when it cannot be imported (then nothing was written for it). */
async function importOne(abs: string, name: string, batch: Batch): Promise<ImportProblem | undefined> {
  const { paths, registry, index, options, result } = batch;
  const shown = (file: string) => displayPath(paths, file);
  const bytes = await readFile(abs).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) {
    const note = 'Check that the file exists and that you may read it (a folder given by name is read file by file).';
    return { ruleId: 'import-read', message: `Unexpected \`${bytes.code ?? bytes.message}\` reading the file, expected a readable dump`, note, line: 1, column: 1 };
  }
  const dump = readDump(bytes);
  if (!dump.ok) return dump.problem;
  const parsed = parseDump(dump.value.lines);
  if (!parsed.ok) return parsed.problem;
  const article = parsed.value;
  const service = registry.match(article.service, options.addServices ?? false);
  if (!service.ok) return service.problem;
  const text = articleMarkdown(article, service.value.name);
  const target = targetFile(paths.content, article);
  const placement = await placeArticle(text, target, index.get(article.shenaseh.value), options.force ?? false);
  if (placement.action === 'conflict') return conflict(article, shown(placement.file));
  if (service.value.added) {
    await registry.add(service.value);
    result.notes.push(`Added service \`${service.value.name}\` (slug \`${service.value.slug}\`) to ${shown(paths.siteFile)}`);
  }
  if (placement.action === 'unchanged') {
    result.unchanged += 1;
    return undefined;
  }
  await writeAtomic(placement.file, text);
  index.set(article.shenaseh.value, placement.file);
  result.imported += 1;
  if (placement.replaces) {
    const elsewhere = placement.file === target ? '' : ` (kept at its path; by its date it would be ${shown(target)})`;
    result.notes.push(`${name}: replaced ${shown(placement.file)}, shenaseh ${article.shenaseh.value}${elsewhere}`);
  }
  return undefined;
}

/** Import a batch of dumps into a project; a bad dump is reported, a bad project (site settings) throws. */
export async function importDumps(options: ImportOptions): Promise<ImportResult> {
  const paths = resolvePaths({ root: options.root });
  const registry = new ServiceRegistry(paths, loadSiteConfig(paths));
  const index = await indexShenaseh(paths.content);
  const result: ImportResult = { imported: 0, unchanged: 0, failed: 0, diagnostics: [], notes: [] };
  for (const abs of await dumpFiles(options.inputs)) {
    const name = shownPath(abs);
    const problem = await importOne(abs, name, { paths, registry, index, options, result });
    if (!problem) continue;
    const file = new VFile({ path: name });
    const { ruleId, message, note, line, column } = problem;
    report(file, message, { ruleId, place: { line, column }, ...(note && { note }) });
    result.diagnostics.push(...fromVFile(file));
    result.failed += 1;
  }
  return result;
}
