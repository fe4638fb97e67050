/**
 * An imported article as a Markdown file: its front matter, its body, where it goes, and
 * whether writing it is new, a repeat of the same import, or a conflict with another article.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import { formatJalaliCanonical } from '../persian/index.ts';
import { escapeParagraph } from './escape-markdown.ts';
import type { DumpArticle } from './types.ts';

/**
 * The Markdown file of an article: front matter (`title`, `shenaseh`, `date`, `service`,
 * `caption`, `lead`, in that order, quoted by the `yaml` stringifier wherever YAML needs it)
 * and the body paragraphs, escaped so that they read back as exactly their text.
 */
export function articleMarkdown(article: DumpArticle, serviceName: string): string {
  const doc = new Document({
    title: article.title,
    shenaseh: article.shenaseh.value,
    date: formatJalaliCanonical(article.date.value),
    service: serviceName,
    ...(article.caption !== undefined && { caption: article.caption }),
    lead: article.lead,
  });
  const frontMatter = doc.toString({ lineWidth: 0 });
  const body = article.body.map(escapeParagraph).join('\n\n');
  return `---\n${frontMatter}---\n${body === '' ? '' : `\n${body}\n`}`;
}

/** `content/news/<jy>/<jm>/<shenaseh>.md`, the month zero-padded as in the sample archive. */
export function targetFile(content: string, article: DumpArticle): string {
  const { jy, jm } = article.date.value;
  return path.join(content, 'news', String(jy), String(jm).padStart(2, '0'), `${article.shenaseh.value}.md`);
}

/** What to do with an article's file. */
export type Placement =
  /** Write `file` (new, or replacing another article with `--force`). */
  | { action: 'write'; file: string; replaces: boolean }
  /** The archive already holds exactly these bytes at `file`: leave it alone. */
  | { action: 'unchanged'; file: string }
  /** `file` holds a different article with this shenaseh (or sits at the target path). */
  | { action: 'conflict'; file: string };

/**
 * Decide where an article goes: the file that already holds its shenaseh (`existing`), else
 * its target path. The same bytes are unchanged; different ones conflict unless `force`.
 */
export async function placeArticle(text: string, target: string, existing: string | undefined, force: boolean): Promise<Placement> {
  const file = existing ?? target;
  if (!existing && !existsSync(target)) return { action: 'write', file, replaces: false };
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) return { action: 'unchanged', file };
  return force ? { action: 'write', file, replaces: true } : { action: 'conflict', file };
}
