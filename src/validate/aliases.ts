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

/**
 * Aliases across the archive: one alias in two places, or an alias on a page bayegan generates
 * (its redirect would replace the page). Returns the aliases that own their path, in file order.
 */
export function checkAliasCollisions(
  sources: readonly CheckedSource[],
  generated: (sitePath: string) => boolean,
  fileOf: (path: string) => VFile,
): OwnedAlias[] {
  const owners = new Map<string, OwnedAlias>();
  for (const source of sources) {
    for (const { alias, place } of source.aliases) {
      const first = owners.get(alias);
      if (classifyPath(alias).kind !== 'other' || generated(alias)) {
        const related = pageOwner(alias, sources);
        report(fileOf(source.path), `Unexpected alias ${quote(alias)}, expected a path that bayegan does not generate`, {
          ruleId: 'alias-collision',
          place,
          note: 'This path is a page of the site (or reserved for one); a redirect there would replace it. Remove the alias.',
          ...(related && { related }),
        });
      } else if (first) {
        report(fileOf(source.path), `Unexpected alias ${quote(alias)} used again, expected each alias once`, {
          ruleId: 'alias-collision',
          place,
          related: { file: first.source.path, ...first.place, message: 'first used here' },
          note: 'One old URL can redirect to one article only; remove the alias from one of the files.',
        });
      } else owners.set(alias, { source, alias, place });
    }
  }
  return [...owners.values()];
}
