import type { VFile } from 'vfile';
import { aliasOutput, classifyPath, pageOfFile } from '../config/index.ts';
import { quote, report, type Point, type RelatedPlace } from '../diagnostics/index.ts';
import type { CheckedSource } from './article.ts';
import { foldersOf, generatesFile } from './site-paths.ts';

/** An alias that passed every check, and the file that owns it. */
export interface OwnedAlias {
  source: CheckedSource;
  alias: string;
  place: Point;
}

// For `/news/<id>/`: the file that is published there, to show beside the alias.
function pageOwner(page: string, sources: readonly CheckedSource[]): RelatedPlace | undefined {
  const target = classifyPath(page);
  if (target.kind !== 'article') return undefined;
  const owner = sources.find((s) => s.shenaseh?.id === target.shenaseh);
  return owner?.shenaseh && { file: owner.path, ...owner.shenaseh.place, message: `the article published at ${page}` };
}

// Why an alias's redirect page cannot be written: it would be a file bayegan generates, or it
// would need a folder where bayegan writes a file (`/feed.xml/x.html`). Judged by output file.
function generatedClash(alias: string, generated: (sitePath: string) => boolean): { page: string; why: string } | undefined {
  const { file } = aliasOutput(alias);
  if (file === undefined) return undefined;
  if (generatesFile(generated, file)) {
    const page = pageOfFile(file);
    return { page, why: page.endsWith('/') ? `its file \`${file}\` is the page \`${page}\`` : `bayegan writes \`${page}\` itself` };
  }
  const folder = foldersOf(file).find((f) => generatesFile(generated, f));
  return folder === undefined ? undefined : { page: pageOfFile(folder), why: `it needs a folder \`${folder}/\` where bayegan writes \`${pageOfFile(folder)}\`` };
}

// Of the files that claim one alias, the one whose id the alias names (`/old/news/21010.html`
// belongs to 21010) is its owner, else the first in path order.
function ownerOf(alias: string, uses: OwnedAlias[]): OwnedAlias {
  const numbers = new Set((alias.match(/\d+/g) ?? []).map(Number));
  const named = (use: OwnedAlias) => [use.source.shenaseh?.id, ...use.source.probableIds].some((id) => id !== undefined && numbers.has(id));
  return uses.find(named) ?? uses[0]!;
}

/**
 * Aliases across the archive: an alias on a page bayegan generates (its redirect would replace
 * the page), or one alias in two places (each extra place once, beside the owner). Returns the
 * aliases that own their path, in file order.
 */
export function checkAliasCollisions(
  sources: readonly CheckedSource[],
  generated: (sitePath: string) => boolean,
  fileOf: (path: string) => VFile,
): OwnedAlias[] {
  const claims = new Map<string, OwnedAlias[]>();
  for (const source of sources) {
    for (const { alias, place } of source.aliases) {
      const clash = generatedClash(alias, generated);
      if (clash) {
        const related = pageOwner(clash.page, sources);
        report(fileOf(source.path), `Unexpected alias ${quote(alias)}, expected a path that bayegan does not generate: ${clash.why}`, {
          ruleId: 'alias-collision',
          place,
          note: 'This path is a page of the site (or reserved for one); a redirect there would replace it. Remove the alias.',
          ...(related && { related }),
        });
      } else claims.set(alias, [...(claims.get(alias) ?? []), { source, alias, place }]);
    }
  }
  const owners: OwnedAlias[] = [];
  for (const [alias, uses] of claims) {
    const owner = ownerOf(alias, uses);
    owners.push(owner);
    for (const use of uses) {
      if (use === owner) continue;
      report(fileOf(use.source.path), `Unexpected alias ${quote(alias)} used again, expected each alias once`, {
        ruleId: 'alias-collision',
        place: use.place,
        related: { file: owner.source.path, ...owner.place, message: 'also used here' },
        note: 'One old URL can redirect to one article only; remove the alias from one of the files.',
      });
    }
  }
  const order = new Map(sources.map((s, i) => [s, i]));
  return owners.sort((a, b) => order.get(a.source)! - order.get(b.source)!);
}
