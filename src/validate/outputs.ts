import type { VFile } from 'vfile';
import { aliasSitePath, articlePath } from '../config/index.ts';
import { quote, report, type Point } from '../diagnostics/index.ts';
import type { Reference } from '../parse/index.ts';
import type { Article, CheckedSource } from './article.ts';
import type { OwnedAlias } from './aliases.ts';
import { outputFileOf } from './site-paths.ts';
import { localAssets } from './values.ts';

/** Something an article writes into `dist/`: its page, a file beside it, or an alias's redirect page. */
interface Claim {
  file: string;
  place: Point;
  /** What is written, for the message: ``its page``, ``image `map.png` ``, ``alias `/old/1` ``. */
  what: string;
}

// Where each asset of an article is referred to: the lead image first, then the body.
function assetClaims(source: CheckedSource, article: Article): Array<[string, Claim]> {
  const refs: Reference[] = [...(source.image ? [source.image] : []), ...source.images];
  const claims: Array<[string, Claim]> = [];
  for (const relative of article.assets) {
    const ref = refs.find((r) => localAssets([r.url])[0] === relative);
    const place = ref ? { line: ref.line, column: ref.column } : { line: 1, column: 1 };
    // `relative` is already decoded: joined as it is, not read again as a URL.
    claims.push([articlePath(article.shenaseh).slice(1) + relative, { file: source.path, place, what: `image ${quote(relative)}` }]);
  }
  return claims;
}

/**
 * Two things that would be written to one output file, each listed: an alias whose redirect
 * page is another article's image, `/old/a` beside `/old/a/`, an image named `index.html`.
 * `articles` holds one published article per shenaseh (duplicate ids are `duplicate-shenaseh`'s),
 * `aliases` only the aliases that passed `alias-collision`, so nothing is reported twice.
 * Returns every output file claimed, for link checks.
 */
export function checkOutputCollisions(
  articles: ReadonlyArray<CheckedSource & { article: Article }>,
  aliases: readonly OwnedAlias[],
  fileOf: (path: string) => VFile,
): Set<string> {
  const claims = new Map<string, Claim>();
  const entries: Array<[string, Claim]> = [];
  for (const source of articles) {
    const page = outputFileOf(articlePath(source.article.shenaseh));
    entries.push([page, { file: source.path, place: source.shenaseh?.place ?? { line: 1, column: 1 }, what: 'its page' }]);
    entries.push(...assetClaims(source, source.article));
  }
  const published = new Set(articles.map((a) => a.path));
  for (const { source, alias, place } of aliases) {
    if (published.has(source.path)) entries.push([outputFileOf(aliasSitePath(alias)), { file: source.path, place, what: `alias ${quote(alias)}` }]);
  }
  for (const [output, claim] of entries) {
    const first = claims.get(output);
    if (!first) {
      claims.set(output, claim);
      continue;
    }
    if (first.file === claim.file && first.what === claim.what) continue;
    report(fileOf(claim.file), `Unexpected ${claim.what} written to \`${output}\`, expected an output file of its own`, {
      ruleId: 'output-collision',
      place: claim.place,
      related: { file: first.file, ...first.place, message: `${first.what} is also written to \`${output}\`` },
      note: 'Two things cannot be published at one path; rename the image or change the alias.',
    });
  }
  return new Set(claims.keys());
}
