import type { VFile } from 'vfile';
import { aliasOutput, articlePath } from '../config/index.ts';
import { quote, report, type Point } from '../diagnostics/index.ts';
import type { Reference } from '../parse/index.ts';
import type { Article, CheckedSource } from './article.ts';
import type { OwnedAlias } from './aliases.ts';
import { foldersOf, outputFileOf } from './site-paths.ts';
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
  if (article.assets.length === 0) return [];
  const refs = new Map<string, Reference>();
  for (const ref of [...(source.image ? [source.image] : []), ...source.images]) {
    const relative = localAssets([ref.url])[0];
    if (relative !== undefined && !refs.has(relative)) refs.set(relative, ref);
  }
  return article.assets.map((relative) => {
    const ref = refs.get(relative);
    const place = ref ? { line: ref.line, column: ref.column } : { line: 1, column: 1 };
    // `relative` is already decoded: joined as it is, not read again as a URL.
    return [articlePath(article.shenaseh).slice(1) + relative, { file: source.path, place, what: `image ${quote(relative)}` }];
  });
}

// `why` ends the message and `seen` describes the first claim, beside it.
function collide(claim: Claim, output: string, first: Claim, why: string, seen: string, fileOf: (path: string) => VFile): void {
  report(fileOf(claim.file), `Unexpected ${claim.what} written to \`${output}\`, expected an output file of its own${why}`, {
    ruleId: 'output-collision',
    place: claim.place,
    related: { file: first.file, ...first.place, message: seen },
    note: 'Two things cannot be published at one path, nor a file where another needs a folder; rename the image or change the alias.',
  });
}

/**
 * Two things that would be written to one output file, or a file where another needs a folder
 * (`/old/a.html` beside `/old/a.html/b.html`), each listed: an alias whose redirect page is
 * another article's image, `/old/a` beside `/old/a/`, an image named `index.html`.
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
  // Each folder that some claimed file lies in, with the first claim that needs it.
  const folders = new Map<string, Claim>();
  const entries: Array<[string, Claim]> = [];
  for (const source of articles) {
    const page = outputFileOf(articlePath(source.article.shenaseh));
    entries.push([page, { file: source.path, place: source.shenaseh?.place ?? { line: 1, column: 1 }, what: 'its page' }]);
    if (source.article.assets.length > 0) entries.push(...assetClaims(source, source.article));
  }
  const published = new Set(articles.map((a) => a.path));
  for (const { source, alias, place } of aliases) {
    const { file } = aliasOutput(alias);
    if (published.has(source.path) && file !== undefined) entries.push([file, { file: source.path, place, what: `alias ${quote(alias)}` }]);
  }
  for (const [output, claim] of entries) {
    const first = claims.get(output);
    if (first) {
      if (first.file !== claim.file || first.what !== claim.what) collide(claim, output, first, '', `${first.what} is also written to \`${output}\``, fileOf);
      continue;
    }
    const under = folders.get(output);
    if (under) {
      collide(claim, output, under, `: \`${output}/\` is a folder`, `${under.what} is written inside \`${output}/\``, fileOf);
      continue;
    }
    const around = foldersOf(output);
    const above = around.find((folder) => claims.has(folder));
    if (above !== undefined) {
      const owner = claims.get(above)!;
      collide(claim, output, owner, `: it needs a folder \`${above}/\``, `${owner.what} is written to the file \`${above}\``, fileOf);
      continue;
    }
    claims.set(output, claim);
    for (const folder of around) if (!folders.has(folder)) folders.set(folder, claim);
  }
  return new Set(claims.keys());
}
