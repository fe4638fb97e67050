import path from 'node:path';
import type { VFile } from 'vfile';
import { aliasSitePath, articlePath, classifyPath, type SiteConfig } from '../config/index.ts';
import { quote, report } from '../diagnostics/index.ts';
import type { CheckedSource } from './article.ts';
import { decodedPath, internalTarget, outputFileOf } from './site-paths.ts';

/** What link checks know about the whole site. */
export interface LinkContext {
  site: SiteConfig;
  /** True for a site path bayegan generates (see `generatedPaths`). */
  generated: (sitePath: string) => boolean;
  /** Every output file an article claims: pages, images, alias pages. */
  outputs: ReadonlySet<string>;
  /** Every source by its path, to recognise a link to a `.md` file. */
  byPath: ReadonlyMap<string, CheckedSource>;
}

/** The id a source is (or most likely is) published under. */
export function idOf(source: CheckedSource): number | undefined {
  return source.article?.shenaseh ?? source.shenaseh?.id ?? source.probableIds[0];
}

// `21007.md`, `../09/21007.md` or `/content/news/…/21007.md`: the source file a link names, if any.
function linkedSource(url: string, from: CheckedSource, context: LinkContext): CheckedSource | undefined {
  const file = decodedPath(url);
  const candidates = file.startsWith('/')
    ? [file.slice(1), `content${file}`]
    : [path.posix.normalize(path.posix.join(path.posix.dirname(from.path), file))];
  return candidates.map((c) => context.byPath.get(c)).find((s) => s !== undefined);
}

function exists(sitePath: string, context: LinkContext): boolean {
  return context.generated(sitePath) || context.outputs.has(outputFileOf(sitePath)) || context.outputs.has(outputFileOf(aliasSitePath(sitePath)));
}

/** Internal links of one file that point at no page of the site, and links to Markdown sources instead of pages. */
export function checkLinks(source: CheckedSource, file: VFile, context: LinkContext): void {
  const id = idOf(source);
  for (const link of source.links) {
    if (/\.md$/i.test(decodedPath(link.url)) && !/^[a-z][a-z\d+.-]*:|^\/\//i.test(link.url)) {
      const target = linkedSource(link.url, source, context);
      const url = target ? `/news/${idOf(target) ?? '<shenaseh>'}/` : undefined;
      report(file, target ? `Unexpected link to the source file ${quote(link.url)}, expected its page \`${url}\`` : `Unexpected link to ${quote(link.url)}, expected a page of this site`, {
        ruleId: 'broken-link',
        place: link,
        note: 'The `.md` files are not published; link to an article by its URL, `/news/<shenaseh>/`.',
      });
      continue;
    }
    // A relative link of a file whose URL is unknown cannot be resolved; its own error comes first.
    if (id === undefined && !link.url.startsWith('/')) continue;
    const target = internalTarget(link.url, articlePath(id ?? 0), context.site);
    if (target === undefined || exists(target, context)) continue;
    const article = classifyPath(target).kind === 'article';
    report(file, `Unexpected link to ${quote(link.url)}, expected ${article ? 'a published article' : 'a page of this site'}`, {
      ruleId: 'broken-link',
      place: link,
      note: article
        ? 'Link to an article as `/news/<shenaseh>/`; check the number, and that the article is not a draft.'
        : 'Check the address: an internal link must point at a page bayegan generates (an article, a service, a tag, an archive month) or an old URL in `aliases`.',
    });
  }
}
