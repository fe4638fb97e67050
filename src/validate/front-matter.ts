import type { VFile } from 'vfile';
import type { SiteConfig } from '../config/index.ts';
import { quote, report, type FileFix } from '../diagnostics/index.ts';
import { plainLead, TOO_DEEP, type FrontMatter, type MarkdownFacts } from '../parse/index.ts';
import { normalizeIdentity } from '../persian/index.ts';
import type { CheckedSource, TagUse } from './article.ts';
import { checkControlCharacters } from './control-characters.ts';
import { MAX_TAG_SLUG_BYTES, tagSlug } from './tags.ts';
import { checkDates } from './dates.ts';
import { itemSpots, persianLetterFix, spotOf, valueFix } from './edits.ts';
import { checkKeys, TEXT_KEYS } from './keys.ts';
import { checkAliases, checkService, checkShenaseh, describe, localAssets, probableIds, stringList } from './values.ts';

/** What the front matter of one file must be checked with. */
export interface FrontMatterInput {
  path: string;
  hash: string;
  frontMatter: FrontMatter;
  facts: MarkdownFacts;
}

/** A file nothing could be read from (not UTF-8, empty, no front matter): it takes part in the rules across files only by the id its name gives. */
export function unreadableSource(path: string): CheckedSource {
  return { path, draft: false, tags: [], aliases: [], fixes: [], links: [], images: [], probableIds: probableIds(path) };
}

// Keys whose text `check --fix` may turn from Arabic to Persian letters (not `image`: a file name).
const LETTER_KEYS = ['title', 'lead', 'caption', 'source', 'author'] as const;

/** Check one file's front matter. Problems are reported on `file`; the record holds what other rules need, `article` only when it is valid. */
export function checkFrontMatter(file: VFile, input: FrontMatterInput, site: SiteConfig): CheckedSource {
  const { frontMatter: fm, facts, path } = input;
  const body = { links: facts.links, images: facts.images };
  const errorsBefore = file.messages.filter((m) => m.fatal).length;
  if (facts.problem) {
    const deep = facts.problem === TOO_DEEP;
    report(file, deep ? `Unexpected Markdown ${TOO_DEEP}, expected ordinary paragraphs, lists and quotes` : 'Unexpected Markdown that cannot be read, expected ordinary paragraphs, lists and quotes', {
      ruleId: 'markdown-unreadable',
      place: { line: fm.closeLine + 1, column: 1 },
      note: `Remove the long run of \`>\`, \`*\`, \`[\`, HTML tags or indentation${deep ? '' : ` (reading stopped with ${facts.problem})`}.`,
    });
  }
  checkControlCharacters(file, fm, facts);
  if (fm.broken || !fm.data) return { ...unreadableSource(path), ...body };
  const { data, places } = fm;
  checkKeys(file, fm);
  const text: Record<string, string | undefined> = {};
  for (const key of [...TEXT_KEYS, 'draft'] as const) {
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
  const spot = (key: string) => (places[key] ? spotOf(fm, places[key]) : undefined);
  const fixes: FileFix[] = [];
  const tagItems = stringList(file, 'tags', data.tags, places.tags, '[انرژی, تهران]') ?? new Map<number, string>();
  const aliasItems = stringList(file, 'aliases', data.aliases, places.aliases, '[/old/news/123.html]') ?? new Map<number, string>();
  const aliases = checkAliases(file, aliasItems, places.aliases);
  const shenaseh = text.shenaseh === undefined ? undefined : checkShenaseh(file, text.shenaseh, places.shenaseh);
  const service = text.service === undefined ? undefined : checkService(file, text.service, places.service?.value, site);
  const serviceSpot = spot('service');
  const serviceFix = service && serviceSpot && text.service !== service.name ? valueFix(path, serviceSpot, service.name) : undefined;
  if (serviceFix) fixes.push(serviceFix);
  const dateSpots = { date: spot('date'), updated: spot('updated') };
  const dates = checkDates(file, { date: text.date, updated: text.updated }, dateSpots);
  fixes.push(...dates.fixes);
  let draft = false;
  if (text.draft !== undefined) {
    if (text.draft === 'true' || text.draft === 'false') draft = text.draft === 'true';
    else {
      report(file, `Unexpected ${quote(text.draft)} for \`draft\`, expected \`true\` or \`false\``, {
        ruleId: 'key-type',
        place: places.draft?.value,
        note: 'Write `draft: true` to keep the article out of the site, or remove the line.',
      });
    }
  }
  for (const key of LETTER_KEYS) {
    const at = spot(key);
    const fix = text[key] !== undefined && at ? persianLetterFix(path, fm, at) : undefined;
    if (fix) fixes.push(fix);
  }
  const tagSpots = itemSpots(fm, places.tags);
  const tags: TagUse[] = [];
  for (const [index, name] of tagItems) {
    const at = tagSpots[index];
    const bytes = Buffer.byteLength(tagSlug(name));
    if (bytes > MAX_TAG_SLUG_BYTES) {
      report(file, `Unexpected tag ${quote(name)} of ${[...name].length} characters, expected a tag of a few words`, {
        ruleId: 'tag-too-long',
        place: at ?? places.tags?.items?.[index],
        note: `A tag is a page of its own, \`/tag/<slug>/\`, and its slug must fit a file name: this one is ${bytes} bytes, at most ${MAX_TAG_SLUG_BYTES} fit (about 100 Persian letters).`,
      });
    } else if (at && normalizeIdentity(name) !== '') tags.push({ key: normalizeIdentity(name), name, spot: at });
  }
  const record: CheckedSource = {
    path,
    draft,
    tags,
    aliases,
    fixes,
    ...body,
    probableIds: probableIds(path, text.shenaseh),
    ...(shenaseh !== undefined && { shenaseh: { id: shenaseh, place: places.shenaseh?.value ?? { line: 1, column: 1 } } }),
    ...(dates.date && { date: dates.date }),
    dates: {
      ...(dates.date && dateSpots.date && { date: { value: dates.date, place: { line: dateSpots.date.line, column: dateSpots.date.column } } }),
      ...(dates.updated && dateSpots.updated && { updated: { value: dates.updated, place: { line: dateSpots.updated.line, column: dateSpots.updated.column } } }),
    },
    ...(text.image && { image: { url: text.image, ...(places.image?.value ?? { line: 1, column: 1 }) } }),
  };
  if (file.messages.filter((m) => m.fatal).length > errorsBefore) return record;
  if (!text.title || shenaseh === undefined || !service || !dates.date) return record;
  const lead = text.lead ?? '';
  const unique = tags.filter((tag, i) => tags.findIndex((t) => t.key === tag.key) === i);
  record.article = {
    path,
    hash: input.hash,
    shenaseh,
    title: text.title,
    date: dates.date,
    ...(dates.updated && { updated: dates.updated }),
    service: service.slug,
    tags: unique.map(({ key, name }) => ({ key, name })),
    lead,
    // Plain text: markup an editor wrote in a lead is left out, and every output escapes the rest for itself.
    summary: plainLead(lead) || facts.firstParagraph,
    ...(text.image && { image: text.image }),
    ...(text.caption && { caption: text.caption }),
    ...(text.source && { source: text.source }),
    ...(text.author && { author: text.author }),
    assets: localAssets([...(text.image ? [text.image] : []), ...facts.images.map((i) => i.url)]),
    aliases: aliases.map((a) => a.alias),
    draft,
    hasHtml: facts.hasHtml,
  };
  return record;
}
