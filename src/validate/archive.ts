import type { VFile } from 'vfile';
import { articlePath, type SiteConfig } from '../config/index.ts';
import { report, type FileFix } from '../diagnostics/index.ts';
import { isPublished, type Article, type CheckedSource } from './article.ts';
import { checkAliasCollisions } from './aliases.ts';
import { checkImages } from './images.ts';
import { checkLinks, type LinkContext } from './links.ts';
import { checkOutputCollisions } from './outputs.ts';
import { generatedPaths } from './site-paths.ts';
import { checkStaticFiles } from './static-files.ts';
import type { StaticFile } from '../load/index.ts';
import { fileNameId } from './values.ts';
import { checkTagSpelling } from './tag-spelling.ts';

/** Options for {@link checkArchive}. */
export interface ArchiveCheckOptions {
  /** Drafts are part of the site (dev builds). Default: false. */
  drafts?: boolean;
  /** Absolute project root, to find images next to articles. */
  root: string;
  /** Files whose own checks found an error (reported elsewhere, for example from the cache). */
  failed?: ReadonlySet<string>;
  /** The files of `static/`. Default: none. */
  statics?: readonly StaticFile[];
}

type FileOf = (path: string) => VFile;

/**
 * One shenaseh per article. Of the files sharing one, the file named `<shenaseh>.md` (the
 * recommended layout) is taken as its owner, else the first in path order; every other file is
 * reported once, with the owner as the second place. Returns the owner of each id.
 */
function checkDuplicateShenaseh(sources: readonly CheckedSource[], fileOf: FileOf): Set<CheckedSource> {
  const groups = new Map<number, CheckedSource[]>();
  for (const source of sources) {
    if (!source.shenaseh) continue;
    const group = groups.get(source.shenaseh.id);
    if (group) group.push(source);
    else groups.set(source.shenaseh.id, [source]);
  }
  const owners = new Set<CheckedSource>();
  for (const [id, group] of groups) {
    if (group.length === 1) {
      owners.add(group[0]!);
      continue;
    }
    const owner = group.find((s) => fileNameId(s.path) === id) ?? group[0]!;
    owners.add(owner);
    for (const source of group) {
      if (source === owner) continue;
      report(fileOf(source.path), `Unexpected shenaseh \`${id}\` used again, expected each article to have its own`, {
        ruleId: 'duplicate-shenaseh',
        place: source.shenaseh!.place,
        related: { file: owner.path, ...owner.shenaseh!.place, message: `\`${id}\` is also used here` },
        note: `Both files would be published at ${articlePath(id)}; give one of them a new shenaseh.`,
      });
    }
  }
  return owners;
}

/** What the rules across files found out about the site, for the checks of links and images. */
export type ArchiveContext = LinkContext;

/**
 * Rules across files, the images' aside: one shenaseh per article, aliases and output files
 * each claimed once, one spelling per tag, links that resolve. Every source takes part with
 * what could be read from it, so a mistake in one key does not hide the others. A pure function
 * of the sources' {@link crossFileKey}s and the settings (see {@link archiveKey}): it reads no file.
 */
export function checkRules(sources: readonly CheckedSource[], site: SiteConfig, fileOf: FileOf, options: ArchiveCheckOptions): { fixes: FileFix[]; context: ArchiveContext } {
  const drafts = options.drafts ?? false;
  const firsts = checkDuplicateShenaseh(sources, fileOf);
  // Decided before the link checks, whose own errors must not hide anything.
  const failed = new Set(sources.filter((s) => !s.article || options.failed?.has(s.path) || (s.shenaseh !== undefined && !firsts.has(s))));
  const generated = generatedPaths(sources, site, drafts, (s) => failed.has(s));
  const aliases = checkAliasCollisions(sources, generated, fileOf);
  const published = sources.filter((s): s is CheckedSource & { article: Article } => isPublished(s, drafts) && firsts.has(s));
  const outputs = checkOutputCollisions(published, aliases, fileOf);
  checkStaticFiles(options.statics ?? [], { generated, outputs, published }, fileOf);
  const fixes = checkTagSpelling(sources, fileOf);
  const context = { site, generated, outputs, byPath: new Map(sources.map((s) => [s.path, s])) };
  for (const source of sources) if (source.links.length > 0) checkLinks(source, fileOf(source.path), context);
  return { fixes, context };
}

/**
 * The images of every source: files next to articles (read now, never cached) and images of
 * the site. `context` is asked for by each image that names a page of the site (and by no
 * other), so it should be made once and kept by the caller.
 */
export function checkArchiveImages(sources: readonly CheckedSource[], fileOf: FileOf, root: string, context: () => ArchiveContext): void {
  const listings = new Map<string, ReadonlySet<string>>();
  for (const source of sources) {
    if (source.images.length > 0 || source.image) checkImages(source, fileOf(source.path), root, context, listings);
  }
}

/** Every rule across files ({@link checkRules}, then {@link checkArchiveImages}); returns quiet fixes. */
export function checkArchive(sources: readonly CheckedSource[], site: SiteConfig, fileOf: FileOf, options: ArchiveCheckOptions): FileFix[] {
  const { fixes, context } = checkRules(sources, site, fileOf, options);
  checkArchiveImages(sources, fileOf, options.root, () => context);
  return fixes;
}
