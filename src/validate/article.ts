import type { FileFix, Point } from '../diagnostics/index.ts';
import type { Reference } from '../parse/index.ts';
import type { JalaliDate } from '../persian/index.ts';

/** A tag as one article wrote it. */
export interface TagRef {
  /** Identity: `normalizeIdentity(name)`. */
  key: string;
  /** As written (trimmed). */
  name: string;
}

/** One valid article: its metadata, kept in memory for the whole build (its body is not). */
export interface Article {
  /** Source path relative to the project root. */
  path: string;
  /** Content hash of the source bytes. */
  hash: string;
  shenaseh: number;
  title: string;
  date: JalaliDate;
  updated?: JalaliDate;
  /** Slug of the service in the registry. */
  service: string;
  tags: TagRef[];
  /** The lead written in front matter, or empty. */
  lead: string;
  /** Lead, or else the first paragraph: what lists and feeds show. */
  summary: string;
  /** Lead image, relative to the article's file. */
  image?: string;
  caption?: string;
  source?: string;
  author?: string;
  /** Local files the article uses (lead image, body images), relative to its file; published beside its page. */
  assets: string[];
  /** Old site paths that redirect here. */
  aliases: string[];
  draft: boolean;
  /** The body contains raw HTML (rendering needs rehype-raw). */
  hasHtml: boolean;
}

/** A value's place with its offsets in the file text (after a BOM), so that a fix can replace it. */
export interface ValueSpot extends Point {
  start: number;
  end: number;
  /** How it was written: plain, `'…'` or `"…"`. */
  style: 'plain' | 'single' | 'double' | 'block';
  /** Inside a `[…]` list, where `,` ends a plain value. */
  flow: boolean;
}

/** One tag item of one file, where it was written. */
export interface TagUse extends TagRef {
  spot: ValueSpot;
}

/**
 * What one source file gives the rules across files: everything readable from it, also when
 * some of its keys are wrong, so that one mistake never hides another (nor causes another).
 */
export interface CheckedSource {
  path: string;
  /** The article, when the whole front matter is valid. */
  article?: Article;
  /** A valid shenaseh and its place, also when other keys are wrong. */
  shenaseh?: { id: number; place: Point };
  /** The ids this file may be meant to have (its shenaseh read leniently, its file name `<digits>.md`): links to them are not reported while it has an error. */
  probableIds: number[];
  draft: boolean;
  date?: JalaliDate;
  /** Valid `date` and `updated` with their places, for the rules that depend on the day of the run. */
  dates?: { date?: { value: JalaliDate; place: Point }; updated?: { value: JalaliDate; place: Point } };
  tags: TagUse[];
  /** Aliases of a valid form. */
  aliases: Array<{ alias: string; place: Point }>;
  /** The lead image of the front matter. */
  image?: Reference;
  links: Reference[];
  images: Reference[];
  /** Fixes that are not problems (spelling variants, other date forms), for `check --fix`. */
  fixes: FileFix[];
}

/** True when the source is an article that the site publishes (drafts only when they are asked for). */
export function isPublished(source: CheckedSource, drafts: boolean): source is CheckedSource & { article: Article } {
  return source.article !== undefined && (drafts || !source.article.draft);
}
