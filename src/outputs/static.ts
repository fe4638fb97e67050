import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { absoluteUrl, packageRoot, type SiteConfig } from '../config/index.ts';
import { ContentFailure } from '../diagnostics/index.ts';
import { hashBytes, type StaticFile } from '../load/index.ts';
import { outputKey, type Output } from '../pages/index.ts';

/**
 * The bytes of a file of `static/`, read only if it is still a regular file: one swapped for a
 * link or a FIFO since it was checked is refused (not followed, not waited on).
 */
export function readStaticFile(file: StaticFile): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file.abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
    return readFileSync(fd);
  } catch {
    throw new ContentFailure([
      {
        file: file.path,
        line: 1,
        column: 1,
        ruleId: 'static-file',
        severity: 'error',
        message: `Unexpected change to \`${file.path}\` during the build, expected a regular file`,
        note: 'The file was replaced (by a link or something that is not a file) after it was checked; build again.',
      },
    ]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `robots.txt`: every page may be crawled, and where the sitemaps are. */
export function robotsText(config: SiteConfig): string {
  return `# Every page of this archive may be crawled; the sitemaps list them.
User-agent: *
Disallow:

Sitemap: ${absoluteUrl(config.baseUrl, '/sitemap.xml')}
Sitemap: ${absoluteUrl(config.baseUrl, '/news-sitemap.xml')}
`;
}

// The theme's icon, or bayegan's when a project's own theme has none.
function faviconFile(templatesDir: string): string {
  const own = path.join(templatesDir, 'assets/favicon.ico');
  return existsSync(own) ? own : path.join(packageRoot, 'templates/assets/favicon.ico');
}

/**
 * The files of `static/`, copied byte for byte to the same paths, and what a site needs at its
 * root unless `static/` brings its own: `robots.txt` and the theme's `favicon.ico`.
 * `static/_headers` is not copied: it is added to the generated one (see `withCacheHeaders`).
 */
export function staticOutputs(statics: readonly StaticFile[], config: SiteConfig, templatesDir: string): Output[] {
  const usable = statics.filter((s) => s.problem === undefined && s.sitePath !== '/_headers');
  const outputs: Output[] = usable.map((file) => ({
    path: file.sitePath,
    // Size and time, as for an article's images: the bytes are read only when they may have changed.
    key: outputKey('static-1', file.abs, file.size, file.mtimeMs),
    content: () => readStaticFile(file),
  }));
  const own = new Set(usable.map((s) => s.sitePath));
  if (!own.has('/robots.txt')) {
    const text = robotsText(config);
    outputs.push({ path: '/robots.txt', key: outputKey('robots-1', text), content: () => text });
  }
  if (!own.has('/favicon.ico')) {
    const icon = readFileSync(faviconFile(templatesDir));
    outputs.push({ path: '/favicon.ico', key: outputKey('favicon-1', hashBytes(icon)), content: () => icon });
  }
  return outputs;
}
