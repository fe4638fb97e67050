import type { VFile } from 'vfile';
import { quote, report, type FileFix } from '../diagnostics/index.ts';
import type { CheckedSource } from './article.ts';
import { replaceValue, valueFix } from './edits.ts';
import { collectTags, type TagInfo } from './tags.ts';

function articles(count: number): string {
  return `${count} article${count === 1 ? '' : 's'}`;
}

function tied(info: TagInfo): boolean {
  return info.spellings.length > 1 && info.spellings[0]!.count === info.spellings[1]!.count;
}

function spellings(info: TagInfo): string {
  return info.spellings.map((s) => `${quote(s.name)} in ${articles(s.count)}`).join(', ');
}

/**
 * One tag written more than one way across the archive (drafts and broken files included, as
 * editors wrote them): a warning at each item that is not the canonical spelling (the most used
 * one, see `collectTags`), with a fix. An item that differs only by Arabic letters while the
 * archive has one spelling gets a quiet fix, not a warning; those fixes are returned (sources are
 * never changed: their per-file part is cached between runs).
 */
export function checkTagSpelling(sources: readonly CheckedSource[], fileOf: (path: string) => VFile): FileFix[] {
  const quietFixes: FileFix[] = [];
  // Each file counts once per spelling, whatever else it wrote.
  const perFile = sources.map((s) => ({ tags: s.tags.length < 2 ? s.tags : [...new Map(s.tags.map((t) => [`${t.key}\u0000${t.name}`, t])).values()] }));
  const tags = collectTags(perFile);
  for (const source of sources) {
    for (const use of source.tags) {
      const info = tags.get(use.key);
      if (!info || use.name === info.name) continue;
      if (info.spellings.length === 1) {
        const fix = valueFix(source.path, use.spot, info.name);
        if (fix) quietFixes.push(fix);
        continue;
      }
      report(fileOf(source.path), `Unexpected tag spelling ${quote(use.name)}, expected ${quote(info.name)}: this tag is written ${info.spellings.length} ways, ${spellings(info)}`, {
        ruleId: 'tag-spelling',
        place: use.spot,
        note: `Write ${quote(info.name)}, ${tied(info) ? 'the spelling chosen for this tag' : 'the spelling most articles use'}, so that the tag reads the same on every page.`,
        fix: replaceValue(use.spot, info.name),
      });
    }
  }
  return quietFixes;
}
