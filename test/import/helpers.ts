import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { toLatinDigits, toPersianLetters } from '../../src/persian/index.ts';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

/** The hand-written dumps of these tests. */
export const dumps = path.join(import.meta.dirname, 'dumps');

/** A dump's path as the CLI shows it (tests run from the repository root). */
export function shown(name: string): string {
  return path.relative(process.cwd(), path.join(dumps, name)).split(path.sep).join('/');
}

/** The text of a dump file. */
export function dumpText(name: string): string {
  return readFileSync(path.join(dumps, name), 'utf8');
}

/** An empty project: only `content/site.yml` (services بین‌الملل and سیاسی), plus `extra` settings. */
export function emptySite(extra = ''): string {
  return writeSite(`-- content/site.yml --\n${siteYml(extra)}`);
}

/** `bayegan import --root <root> …` in-process; dump names are files of `dumps/` unless absolute. */
export function importInto(root: string, ...args: string[]) {
  return run(['import', '--root', root, ...args.map((a) => (a.startsWith('-') || path.isAbsolute(a) ? a : path.join(dumps, a)))]);
}

/** What an article page shows, read from its HTML as a browser's `textContent` would. */
export interface ArticlePage {
  title: string;
  date: string;
  service: string;
  lead: string;
  caption: string;
  /** The `<p>` elements of the article body. */
  paragraphs: string[];
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** Read an article page. */
export function articlePage(html: string): ArticlePage {
  const page: ArticlePage = { title: '', date: '', service: '', lead: '', caption: '', paragraphs: [] };
  visitParents(fromHtml(html), 'element', (node, ancestors) => {
    const inHead = ancestors.some((a) => a.type === 'element' && hasClass(a, 'article-head'));
    if (inHead && node.tagName === 'h1') page.title = toString(node);
    if (inHead && node.tagName === 'time') page.date = toString(node);
    if (inHead && hasClass(node, 'service')) page.service = toString(node);
    if (inHead && hasClass(node, 'lead')) page.lead = toString(node);
    if (inHead && hasClass(node, 'caption')) page.caption = toString(node);
    if (node.tagName === 'p' && ancestors.some((a) => a.type === 'element' && hasClass(a, 'article-body'))) page.paragraphs.push(toString(node));
  });
  return page;
}

/**
 * Fold what the site's display typography changes, so that page text and dump text compare:
 * the page shows Persian digits (and ٫ ٬ ٪ in numbers) and Persian letters for Arabic ones.
 */
export function fold(text: string): string {
  return toLatinDigits(toPersianLetters(text)).replace(/\u066b/g, '.').replace(/\u066c/g, ',').replace(/\u066a/g, '%');
}
