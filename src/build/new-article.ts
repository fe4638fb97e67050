import { linkSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, YAMLSeq } from 'yaml';
import { buildTime, displayPath, loadSiteConfig, resolvePaths, type PathOptions, type ProjectPaths, type Service, type SiteConfig } from '../config/index.ts';
import { editDistance, formatJalaliCanonical, jalaliFromEpochMs, normalizeIdentity, toLatinDigits } from '../persian/index.ts';
import { isInside } from '../load/index.ts';
import { collectTags } from '../validate/index.ts';
import { checkProject } from './run.ts';

/** What `bayegan new` is asked for. */
export interface NewArticleOptions extends PathOptions {
  /** A service of `content/site.yml`, by its slug or by its name in any spelling. */
  service: string;
  title: string;
  tags?: string[];
  /** The article's date and time, ms since the epoch. Default: `SOURCE_DATE_EPOCH` or the clock. */
  now?: number;
}

/** The article `bayegan new` made. */
export interface NewArticle {
  /** Absolute path of the new file. */
  file: string;
  /** As diagnostics show it: relative to the project root. */
  shown: string;
  shenaseh: number;
  /** Canonical Jalali date and time, as written in the front matter. */
  date: string;
  service: Service;
}

/** A request `new` turns down (an unknown service, an empty title, a file in the way); nothing was created. */
export class NewArticleRefused extends Error {}

/** The service an editor named, by slug or by name in any spelling. */
export function findService(config: SiteConfig, wanted: string): Service {
  const byName = config.serviceByKey.get(normalizeIdentity(wanted));
  const bySlug = config.services.find((s) => s.slug.toLowerCase() === wanted.trim().toLowerCase());
  const found = byName ?? bySlug;
  if (found) return found;
  const known = config.services.map((s) => `${s.slug} (${s.name})`).join(', ');
  const distance = (s: Service) => Math.min(editDistance(wanted.trim().toLowerCase(), s.slug), editDistance(normalizeIdentity(wanted), s.key));
  const near = config.services.reduce<Service | undefined>((best, s) => (!best || distance(s) < distance(best) ? s : best), undefined);
  const guess = near && distance(near) <= 2 ? `: did you mean \`${near.slug}\`?` : '';
  throw new NewArticleRefused(`Unexpected service \`${wanted}\`, expected one of content/site.yml's services${guess}\nKnown services: ${known}`);
}

const SHENASEH_LINE = /^shenaseh:[ \t]*["']?([0-9\u06f0-\u06f9\u0660-\u0669]+)["']?[ \t]*(?:#.*)?$/m;

function writtenShenaseh(file: string): number {
  try {
    const digits = SHENASEH_LINE.exec(readFileSync(file, 'utf8'))?.[1];
    return digits === undefined ? 0 : Number(toLatinDigits(digits));
  } catch {
    return 0;
  }
}

/** The largest shenaseh the archive holds or may mean to hold (also in files with mistakes), 0 for none. */
async function largestShenaseh(options: PathOptions): Promise<{ largest: number; project: Awaited<ReturnType<typeof checkProject>> }> {
  const project = await checkProject({ ...options, drafts: true, keepSources: true });
  let largest = 0;
  (project.compiledSources ?? []).forEach((compiled, at) => {
    const checked = project.checkedNow.get(compiled.path) ?? compiled.checked;
    const ids = [checked?.source.shenaseh?.id ?? 0, ...(checked?.source.probableIds ?? [])];
    // A file whose YAML does not read still names its id in a `shenaseh:` line, once fixed it will be taken.
    if (!checked?.source.shenaseh) ids.push(writtenShenaseh(project.sources[at]!.abs));
    for (const id of ids) largest = Math.max(largest, id);
  });
  return { largest, project };
}

/** `title`, `shenaseh`, `date`, `service` and `tags` as YAML, tags in `[a, b]` form as editors write them. */
function articleText(fields: { title: string; shenaseh: number; date: string; service: string; tags: string[] }): string {
  const doc = new Document({ ...fields, ...(fields.tags.length === 0 && { tags: undefined }) });
  const tags = doc.get('tags', true);
  if (tags instanceof YAMLSeq) tags.flow = true;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n\n`;
}

// The folder of a new article, refused if a link on its way leads out of content/: the scan never
// follows links to folders, and a link committed into the archive must not carry a write elsewhere.
function checkFolder(file: string, paths: ProjectPaths): void {
  const content = paths.content;
  let existing = path.dirname(file);
  while (existing !== content && isInside(existing, content) && !lstatSync(existing, { throwIfNoEntry: false })) existing = path.dirname(existing);
  let real: string | undefined;
  try {
    real = realpathSync.native(existing);
  } catch {
    // A link to nothing: refused below.
  }
  const realContent = realpathSync.native(content);
  if (real === undefined || (real !== realContent && !isInside(real, realContent))) {
    throw new NewArticleRefused(`Unexpected link on the way to \`${displayPath(paths, file)}\`: \`${displayPath(paths, existing)}\` leads out of content/, expected a folder inside it; nothing was changed`);
  }
}

// Created whole or not at all, and never over another file: written beside it under a hidden
// name (which no scan or watcher takes for an article), then linked to its name, which fails if taken.
function createExclusive(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.new`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new NewArticleRefused(`Unexpected file in the way: \`${file}\` exists, expected to create it; nothing was changed`);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Start an article: `content/news/<jy>/<jm>/<shenaseh>.md` with the next free shenaseh, the
 * current date and time in the site's time zone, the service as the registry spells it, tags
 * as the archive spells them, and an empty body.
 */
export async function createArticle(options: NewArticleOptions): Promise<NewArticle> {
  const paths = resolvePaths(options);
  const config = loadSiteConfig(paths);
  const service = findService(config, options.service);
  const title = options.title.replace(/\s+/g, ' ').trim();
  if (title === '') throw new NewArticleRefused('Unexpected empty `--title`, expected the headline');
  const { largest, project } = await largestShenaseh(options);
  const known = collectTags(project.articles);
  const tags = new Map<string, string>();
  for (const tag of options.tags ?? []) {
    const key = normalizeIdentity(tag);
    if (key !== '' && !tags.has(key)) tags.set(key, known.get(key)?.name ?? tag.trim());
  }
  const now = jalaliFromEpochMs(options.now ?? buildTime(), config.timeZone);
  const date = formatJalaliCanonical(now);
  const shenaseh = largest + 1;
  const file = path.join(paths.content, 'news', String(now.jy), String(now.jm).padStart(2, '0'), `${shenaseh}.md`);
  checkFolder(file, paths);
  createExclusive(file, articleText({ title, shenaseh, date, service: service.name, tags: [...tags.values()] }));
  return { file, shown: displayPath(paths, file), shenaseh, date, service };
}
