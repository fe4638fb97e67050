import type { VFile } from 'vfile';
import { quote, report } from '../diagnostics/index.ts';
import type { FrontMatter } from '../parse/index.ts';
import { editDistance, nearest } from '../persian/index.ts';

/** Every front-matter key bayegan knows (design.md, "Content model"). */
export const KNOWN_KEYS = [
  'title', 'shenaseh', 'date', 'service', 'tags', 'lead', 'image', 'caption',
  'source', 'author', 'updated', 'aliases', 'draft',
] as const;
/** Keys every article must have. */
export const REQUIRED_KEYS = ['title', 'shenaseh', 'date', 'service'] as const;
/** Keys whose value is one piece of text. */
export const TEXT_KEYS = ['title', 'shenaseh', 'date', 'updated', 'service', 'lead', 'image', 'caption', 'source', 'author'] as const;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Report unknown keys (warnings, with the nearest known key) and missing required keys. A
 * misspelt required key (`serivce:` with no `service:`) is one mistake, reported once: as an
 * `unknown-key` error at the misspelling, not also as a missing key at the closing `---`.
 */
export function checkKeys(file: VFile, frontMatter: FrontMatter): void {
  const { data, places, closeLine } = frontMatter;
  const keys = Object.keys(data);
  const unknown = keys.filter((key) => !(KNOWN_KEYS as readonly string[]).includes(key));
  const missing = REQUIRED_KEYS.filter((key) => !(key in data));
  const standsFor = new Map<string, string>();
  for (const key of missing) {
    // A typo is one slip in a short key, two in a longer one: `name` must not stand for `date`.
    const distance = (k: string) => editDistance(k.trim().toLowerCase(), key);
    const limit = key.length <= 5 ? 1 : 2;
    const candidates = unknown.filter((k) => !standsFor.has(k) && distance(k) <= limit);
    const best = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (best !== undefined) standsFor.set(best, key);
  }
  const list = KNOWN_KEYS.map((k) => `\`${k}\``).join(', ');
  for (const key of unknown) {
    const meant = standsFor.get(key);
    const guess = meant ?? nearest(key, KNOWN_KEYS);
    report(file, `Unexpected key ${quote(key)}, expected ${guess ? `\`${guess}\`` : `one of ${list}`}`, {
      ruleId: 'unknown-key',
      severity: meant ? 'error' : 'warning',
      place: places[key]?.key,
      note: meant
        ? `Did you mean \`${meant}\`? Every article needs \`${meant}\`; rename the key to \`${meant}:\`.`
        : guess
          ? `Did you mean \`${guess}\`? Unknown keys are ignored.`
          : `Remove it, or check its spelling; unknown keys are ignored. Known keys: ${list}.`,
    });
  }
  for (const key of REQUIRED_KEYS) {
    if ([...standsFor.values()].includes(key)) continue;
    if (!(key in data)) {
      report(file, `Unexpected end of front matter without \`${key}\`, expected a \`${key}:\` line`, {
        ruleId: 'required-key',
        place: { line: closeLine, column: 1 },
        note: `Every article needs \`title\`, \`shenaseh\`, \`date\` and \`service\`; add \`${key}: …\` before this \`---\`.`,
      });
    } else if (isBlank(data[key])) {
      report(file, `Unexpected empty \`${key}\`, expected a value`, {
        ruleId: 'required-key',
        place: places[key]?.key,
        note: `Every article needs \`title\`, \`shenaseh\`, \`date\` and \`service\`; write the value after \`${key}: \`.`,
      });
    }
  }
}
