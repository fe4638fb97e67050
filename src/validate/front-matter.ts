import type { VFile } from 'vfile';
import type { SiteConfig, ValuePlace } from '../config/index.ts';
import { report, type Point } from '../diagnostics/index.ts';
import type { FrontMatter, MarkdownFacts } from '../parse/index.ts';
import { nearest, normalizeIdentity, toLatinDigits } from '../persian/index.ts';
import type { CheckedArticle, TagRef } from './article.ts';
import { checkDates } from './dates.ts';

/** Every front-matter key bayegan knows (design.md, "Content model"). */
export const KNOWN_KEYS = [
  'title', 'shenaseh', 'date', 'service', 'tags', 'lead', 'image', 'caption',
  'source', 'author', 'updated', 'aliases', 'draft',
] as const;
const REQUIRED_KEYS = ['title', 'shenaseh', 'date', 'service'] as const;
const TEXT_KEYS = ['title', 'lead', 'image', 'caption', 'source', 'author'] as const;

/** What the front matter of one file must be checked with. */
export interface FrontMatterInput {
  path: string;
  hash: string;
  frontMatter: FrontMatter;
  facts: MarkdownFacts;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

/** A list of strings, or undefined after reporting a wrong type. */
function stringList(file: VFile, key: string, value: unknown, place: ValuePlace | undefined, example: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return [];
  const at = place?.value;
  if (!Array.isArray(value)) {
    report(file, `Unexpected ${describe(value)} for \`${key}\`, expected a list`, {
      ruleId: 'key-type',
      place: at,
      note: `Write a list: \`${key}: ${example}\`.`,
    });
    return undefined;
  }
  const items: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') items.push(item.trim());
    else {
      report(file, `Unexpected ${item === '' ? 'empty item' : describe(item)} in \`${key}\`, expected text`, {
        ruleId: 'key-type',
        place: place?.items?.[index] ?? at,
        note: `Each item of \`${key}\` is one piece of text: \`${key}: ${example}\`.`,
      });
    }
  });
  return items;
}

function checkShenaseh(file: VFile, value: string, place: Point | undefined, plain: boolean): number | undefined {
  const digits = toLatinDigits(value.trim());
  if (/^0\d+$/.test(digits)) {
    const fixed = digits.replace(/^0+/, '') || '0';
    report(file, `Unexpected leading zero in \`${value}\`, expected \`${fixed}\``, {
      ruleId: 'leading-zero',
      place,
      note: `${plain ? 'YAML 1.1 tools read a number with a leading zero as octal (`0123` is 83). ' : ''}Write the shenaseh without leading zeros: \`shenaseh: ${fixed}\`.`,
    });
    return undefined;
  }
  if (!/^[1-9]\d*$/.test(digits) || !Number.isSafeInteger(Number(digits))) {
    report(file, `Unexpected shenaseh \`${value}\`, expected a positive whole number such as \`21007\``, {
      ruleId: 'shenaseh-format',
      place,
      note: 'The shenaseh (شناسه مطلب) is the article’s permanent numeric id: digits only, no spaces or signs.',
    });
    return undefined;
  }
  return Number(digits);
}

function checkService(file: VFile, value: string, place: Point | undefined, site: SiteConfig): string | undefined {
  const service = site.serviceByKey.get(normalizeIdentity(value));
  if (service) return service.slug;
  const names = site.services.map((s) => s.name);
  const guess = nearest(value, names);
  report(file, `Unexpected service \`${value}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ')}`, {
    ruleId: 'unknown-service',
    place,
    note: guess
      ? `Did you mean \`${guess}\`? Or add \`${value}\` to \`services\` in content/site.yml.`
      : `Use a service listed in content/site.yml, or add \`${value}\` to its \`services\`.`,
  });
  return undefined;
}

function checkAliases(file: VFile, aliases: string[], place: ValuePlace | undefined): string[] {
  const valid: string[] = [];
  aliases.forEach((alias, index) => {
    const at = place?.items?.[index] ?? place?.value;
    let problem: string | undefined;
    if (!alias.startsWith('/') || alias.startsWith('//')) problem = 'an absolute site path starting with `/`, such as `/old/news/123.html`';
    else if (/(^|\/)\.\.?(\/|$)/.test(alias)) problem = 'a path without `.` or `..` segments';
    else if (/[?#\s\\]/.test(alias)) problem = 'a path without spaces, `?`, `#` or `\\`';
    if (problem) {
      report(file, `Unexpected alias \`${alias}\`, expected ${problem}`, {
        ruleId: 'alias-format',
        place: at,
        note: 'An alias is an old URL of this article on this site, written as a path: `aliases: [/old/news/123.html]`.',
      });
    } else valid.push(alias);
  });
  return valid;
}

/** The local files among image URLs: relative paths, decoded, without query or fragment, each once. */
export function localAssets(urls: string[]): string[] {
  const local = new Set<string>();
  for (const url of urls) {
    if (url === '' || url.startsWith('/') || url.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(url)) continue;
    const clean = url.split(/[?#]/)[0]!.replace(/^\.\//, '');
    try {
      local.add(decodeURIComponent(clean));
    } catch {
      local.add(clean);
    }
  }
  return [...local];
}

/** Check one article's front matter; the article when it is valid, else undefined (problems are on `file`). */
export function checkFrontMatter(file: VFile, input: FrontMatterInput, site: SiteConfig, now: number): CheckedArticle | undefined {
  const { data, places } = input.frontMatter;
  const errorsBefore = file.messages.filter((m) => m.fatal).length;
  for (const key of Object.keys(data)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
    const guess = nearest(key, KNOWN_KEYS);
    report(file, `Unexpected key \`${key}\`, expected one of ${KNOWN_KEYS.map((k) => `\`${k}\``).join(', ')}`, {
      ruleId: 'unknown-key',
      severity: 'warning',
      place: places[key]?.key,
      note: guess ? `Did you mean \`${guess}\`?` : 'Remove it, or check its spelling; unknown keys are ignored.',
    });
  }
  for (const key of REQUIRED_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || value === '') {
      report(file, `Unexpected missing \`${key}\`, expected a value`, {
        ruleId: 'required-key',
        place: places[key]?.key,
        note: `Every article needs \`title\`, \`shenaseh\`, \`date\` and \`service\`; add \`${key}: …\` to the front matter.`,
      });
    }
  }
  const text: Record<string, string | undefined> = {};
  for (const key of [...TEXT_KEYS, 'shenaseh', 'date', 'updated', 'service', 'draft'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') text[key] = value.trim() === '' ? undefined : value.trim();
    else {
      report(file, `Unexpected ${describe(value)} for \`${key}\`, expected text`, {
        ruleId: 'key-type',
        place: places[key]?.value,
        note: `Write \`${key}\` as one line of text, quoted if it contains \`: \` or starts with \`[\`.`,
      });
    }
  }
  const tagNames = stringList(file, 'tags', data.tags, places.tags, '[انرژی, تهران]') ?? [];
  const aliases = checkAliases(file, stringList(file, 'aliases', data.aliases, places.aliases, '[/old/news/123.html]') ?? [], places.aliases);
  const shenaseh = text.shenaseh && checkShenaseh(file, text.shenaseh, places.shenaseh?.value, places.shenaseh?.plain ?? true);
  const service = text.service && checkService(file, text.service, places.service?.value, site);
  const dates = checkDates(file, { date: text.date, updated: text.updated }, places, site, now);
  let draft = false;
  if (text.draft !== undefined) {
    if (text.draft === 'true' || text.draft === 'false') draft = text.draft === 'true';
    else {
      report(file, `Unexpected \`${text.draft}\` for \`draft\`, expected \`true\` or \`false\``, {
        ruleId: 'key-type',
        place: places.draft?.value,
      });
    }
  }
  const tags: TagRef[] = [];
  for (const name of tagNames) {
    const key = normalizeIdentity(name);
    if (key !== '' && !tags.some((tag) => tag.key === key)) tags.push({ key, name });
  }
  if (file.messages.filter((m) => m.fatal).length > errorsBefore) return undefined;
  if (!text.title || !shenaseh || !service || !dates?.date) return undefined;
  const lead = text.lead ?? '';
  return {
    article: {
      path: input.path,
      hash: input.hash,
      shenaseh,
      title: text.title,
      date: dates.date,
      ...(dates.updated && { updated: dates.updated }),
      service,
      tags,
      lead,
      summary: lead || input.facts.firstParagraph,
      ...(text.image && { image: text.image }),
      ...(text.caption && { caption: text.caption }),
      ...(text.source && { source: text.source }),
      ...(text.author && { author: text.author }),
      assets: localAssets([...(text.image ? [text.image] : []), ...input.facts.images.map((i) => i.url)]),
      aliases,
      draft,
      hasHtml: input.facts.hasHtml,
    },
    checks: {
      places: {
        ...(places.shenaseh && { shenaseh: places.shenaseh.value }),
        ...(places.image && { image: places.image.value }),
        aliases: places.aliases?.items ?? [],
        tags: places.tags?.items ?? [],
      },
      links: input.facts.links,
      images: input.facts.images,
    },
  };
}
