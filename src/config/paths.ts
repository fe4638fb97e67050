import { existsSync, readFileSync } from 'node:fs';
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
