import type { VFile } from 'vfile';
import { articlePath, type SiteConfig } from '../config/index.ts';
import { report } from '../diagnostics/index.ts';
import { isPublished, type Article, type CheckedSource } from './article.ts';
import { checkAliasCollisions } from './aliases.ts';
import { checkImages } from './images.ts';
import { checkLinks } from './links.ts';
import { checkOutputCollisions } from './outputs.ts';
import { generatedPaths } from './site-paths.ts';
import { checkTagSpelling } from './tag-spelling.ts';

/** Options for {@link checkArchive}. */
export interface ArchiveCheckOptions {
  /** Drafts are part of the site (dev builds). Default: false. */
  drafts?: boolean;
  /** Absolute project root, to find images next to articles. */
  root: string;
}

type FileOf = (path: string) => VFile;

/** One shenaseh per article: each later file is reported once, with the first file as the second place. Returns the first file of each id. */
function checkDuplicateShenaseh(sources: readonly CheckedSource[], fileOf: FileOf): Set<CheckedSource> {
  const byId = new Map<number, CheckedSource>();
  for (const source of sources) {
    if (!source.shenaseh) continue;
    const { id, place } = source.shenaseh;
    const first = byId.get(id);
    if (!first) {
      byId.set(id, source);
      continue;
    }
    report(fileOf(source.path), `Unexpected shenaseh \`${id}\` used again, expected each article to have its own`, {
      ruleId: 'duplicate-shenaseh',
      place,
      related: { file: first.path, ...first.shenaseh!.place, message: `\`${id}\` is first used here` },
      note: `Both files would be published at ${articlePath(id)}; give one of them a new shenaseh.`,
    });
  }
  return new Set(byId.values());
}

/**
 * Rules across files: one shenaseh per article, aliases and output files each claimed once, one
 * spelling per tag, links and images that resolve. Every source takes part with what could be
 * read from it, so a mistake in one key does not hide the others.
 */
export function checkArchive(sources: readonly CheckedSource[], site: SiteConfig, fileOf: FileOf, options: ArchiveCheckOptions): void {
  const drafts = options.drafts ?? false;
  const firsts = checkDuplicateShenaseh(sources, fileOf);
  const generated = generatedPaths(sources, site, drafts);
  const aliases = checkAliasCollisions(sources, generated, fileOf);
  const published = sources.filter((s): s is CheckedSource & { article: Article } => isPublished(s, drafts) && firsts.has(s));
  const outputs = checkOutputCollisions(published, aliases, fileOf);
  checkTagSpelling(sources, fileOf);
  const context = { site, generated, outputs, byPath: new Map(sources.map((s) => [s.path, s])) };
  for (const source of sources) {
    const file = fileOf(source.path);
    checkLinks(source, file, context);
    checkImages(source, file, options.root, context);
  }
}
