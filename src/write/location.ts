import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ProjectPaths } from '../config/index.ts';
import { SetupFailure } from '../diagnostics/index.ts';

/** A path with every link resolved, as far as it exists (the rest appended as written). */
export function realPath(abs: string): string {
  const rest: string[] = [];
  let at = abs;
  while (!existsSync(at)) {
    const parent = path.dirname(at);
    if (parent === at) break;
    rest.unshift(path.basename(at));
    at = parent;
  }
  try {
    return path.join(realpathSync.native(at), ...rest);
  } catch {
    return abs;
  }
}

/** True when `inner` is `outer` or lies below it. */
export function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function shown(paths: ProjectPaths, abs: string): string {
  const relative = path.relative(paths.root, abs);
  return relative === '' ? '.' : relative.startsWith('..') ? abs : relative.split(path.sep).join('/');
}

/**
 * Refuse output and cache folders that would overwrite or publish the project: the output
 * folder is never the project, `content/`, `templates/`, `static/`, `.git/` or the cache, never
 * holds them and is never inside the sources; the cache is never inside the output (it would be
 * published) nor holds the project's sources. Links are resolved first, so a link to the project
 * is the project. Throws a {@link SetupFailure} (exit code 2).
 */
export function checkFolders(paths: ProjectPaths): void {
  const root = realPath(paths.root);
  const out = realPath(paths.out);
  const cache = realPath(paths.cache);
  const sources: Array<[string, string]> = [
    ['the project folder', root],
    ['content/', path.join(root, 'content')],
    ['templates/', path.join(root, 'templates')],
    ['static/', path.join(root, 'static')],
    ['.git/', path.join(root, '.git')],
  ];
  for (const [name, folder] of sources) {
    if (within(folder, out)) {
      throw new SetupFailure(
        `Unexpected output folder \`${shown(paths, paths.out)}\`: it is or contains ${name}, expected a folder of its own`,
        'bayegan replaces its output folder on every build. Choose a new folder such as `--out dist`.',
      );
    }
    if (name !== 'the project folder' && within(out, folder)) {
      throw new SetupFailure(
        `Unexpected output folder \`${shown(paths, paths.out)}\` inside ${name}, expected a folder outside the project's sources`,
        'Choose a folder outside content/, templates/, static/ and .git/, such as `--out dist`.',
      );
    }
    if (within(folder, cache) || (name !== 'the project folder' && within(cache, folder))) {
      throw new SetupFailure(
        `Unexpected cache folder \`${shown(paths, paths.cache)}\`: it overlaps ${name}, expected a folder of its own`,
        'Choose a cache folder of its own, such as `--cache .cache`.',
      );
    }
  }
  if (within(cache, out)) {
    throw new SetupFailure(
      `Unexpected cache folder \`${shown(paths, paths.cache)}\` inside the output folder, expected a folder that is not published`,
      'Keep the cache outside the output folder, such as `--cache .cache`.',
    );
  }
}
