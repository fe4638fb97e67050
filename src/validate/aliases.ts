import type { VFile } from 'vfile';
import { classifyPath } from '../config/index.ts';
import { quote, report, type Point, type RelatedPlace } from '../diagnostics/index.ts';
import type { CheckedSource } from './article.ts';

/** An alias that passed every check, and the file that owns it. */
export interface OwnedAlias {
  source: CheckedSource;
  alias: string;
  place: Point;
}

// For `/news/<id>/`: the file that is published there, to show beside the alias.
function pageOwner(alias: string, sources: readonly CheckedSource[]): RelatedPlace | undefined {
  const target = classifyPath(alias);
  if (target.kind !== 'article') return undefined;
  const owner = sources.find((s) => s.shenaseh?.id === target.shenaseh);
  return owner?.shenaseh && { file: owner.path, ...owner.shenaseh.place, message: `the article published at ${alias}` };
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
      if (classifyPath(alias).kind !== 'other' || generated(alias)) {
        const related = pageOwner(alias, sources);
        report(fileOf(source.path), `Unexpected alias ${quote(alias)}, expected a path that bayegan does not generate`, {
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
