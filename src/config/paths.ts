import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

// Found by walking up, because this code runs both from src/ and from a bundle elsewhere in the package.
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'bayegan') return dir;
    } catch {
      // No package.json here (or not readable): keep looking.
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

/** The folder of the bayegan package itself (its bundled templates live there). */
export const packageRoot = process.env.BAYEGAN_PACKAGE_ROOT || findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Where a project's inputs and outputs live. All paths are absolute. */
export interface ProjectPaths {
  root: string;
  content: string;
  siteFile: string;
  templates: string;
  out: string;
  cache: string;
}

/** Options for {@link resolvePaths}; each default is relative to `root`. */
export interface PathOptions {
  /** Project folder. Default: the current directory. */
  root?: string;
  /** Default: `<root>/dist`. */
  out?: string;
  /** Default: `<root>/.cache`. */
  cache?: string;
}

/** Resolve a project's folders; templates are the project's own `templates/` if it has one, else bayegan's. */
export function resolvePaths(options: PathOptions = {}): ProjectPaths {
  const root = path.resolve(options.root ?? process.cwd());
  const content = path.join(root, 'content');
  const ownTemplates = path.join(root, 'templates');
  return {
    root,
    content,
    siteFile: path.join(content, 'site.yml'),
    templates: existsSync(ownTemplates) ? ownTemplates : path.join(packageRoot, 'templates'),
    out: path.resolve(root, options.out ?? 'dist'),
    cache: path.resolve(root, options.cache ?? '.cache'),
  };
}

/** A path as shown in diagnostics: relative to the project root, with `/`. */
export function displayPath(paths: Pick<ProjectPaths, 'root'>, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}

let temporaries = 0;

/**
 * A name beside `file` for writing it before a rename into place: unique per process, thread
 * and call, so two builds, or two threads of one, never write the same temporary file.
 */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}-${temporaries++}.tmp`);
}

/**
 * Write `file` whole or not at all: the bytes go to a new temporary file beside it (created
 * exclusively, so nothing planted under that name is followed), which is then renamed over it.
 * A failure leaves no temporary file behind and is thrown.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

const PROJECT = 'the project folder (the one that holds content/site.yml)';

function isFolder(at: string): boolean {
  return statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The project folder a command works on, or why there is none. With `--root`, exactly that
 * folder, which must hold a `content/` folder. Without, the nearest folder from `from` upwards
 * that holds `content/site.yml`, the way git finds `.git`: a command run in
 * `content/news/1393/` works on the whole project.
 */
export function locateProject(root: string | undefined, from = process.cwd()): { root: string; problem?: undefined } | { problem: string } {
  if (root !== undefined) {
    const stat = statSync(root, { throwIfNoEntry: false });
    if (!stat) return { problem: `Unexpected --root \`${root}\`: no such folder, expected ${PROJECT}` };
    if (!stat.isDirectory()) return { problem: `Unexpected --root \`${root}\`: a file, expected ${PROJECT}` };
    if (!isFolder(path.join(root, 'content'))) return { problem: `Unexpected --root \`${root}\`: it has no content/ folder, expected ${PROJECT}` };
    return { root: path.resolve(root) };
  }
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (statSync(path.join(dir, 'content', 'site.yml'), { throwIfNoEntry: false })?.isFile()) return { root: dir };
    if (path.dirname(dir) === dir) break;
  }
  return { problem: `Unexpected folder \`${path.resolve(from)}\`: no content/site.yml in it or in a folder above it, expected to run inside a bayegan project, or \`--root <project folder>\`` };
}
