import type { Point } from '../diagnostics/index.ts';
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

/** What cross-article validation needs beyond the metadata; dropped after validation. */
export interface ArticleChecks {
  places: {
    shenaseh?: Point;
    image?: Point;
    aliases: Point[];
    tags: Point[];
  };
  links: Reference[];
  images: Reference[];
}

/** An article with what cross-article rules need. */
export interface CheckedArticle {
  article: Article;
  checks: ArticleChecks;
}
