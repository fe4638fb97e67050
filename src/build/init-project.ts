import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import { buildTime } from '../config/index.ts';
import { formatJalaliCanonical, jalaliFromEpochMs } from '../persian/index.ts';

/** What `bayegan init` is asked for. */
export interface InitOptions {
  /** The folder to start the archive in (made if missing). */
  folder: string;
  /** Default: `بایگان`. */
  title?: string;
  /** Default: `https://example.org/`. */
  baseUrl?: string;
  /** The example article's date, ms since the epoch. Default: `SOURCE_DATE_EPOCH` or the clock. */
  now?: number;
}

/** A folder `init` will not start an archive in; nothing was created. */
export class InitRefused extends Error {}

/**
 * What a folder may already hold for `init` to count it as empty: a fresh git repository, or
 * the npm project that installed bayegan (`npm install bayegan` comes before `npx bayegan init`).
 */
const HOUSEKEEPING = new Set(['.git', '.gitignore', '.gitattributes', '.npmrc', 'node_modules', 'package.json', 'package-lock.json', 'LICENSE', 'README.md']);

const TIME_ZONE = 'Asia/Tehran';

function yamlScalar(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

function siteYml(title: string, baseUrl: string): string {
  return `# Site settings: every key is described in bayegan's README (Configuration).
title: ${yamlScalar(title)}
description: ${yamlScalar(`بایگان خبرهای ${title}`)}
# The absolute URL the site is published at; every link and feed is made from it.
baseUrl: ${yamlScalar(baseUrl)}
timeZone: ${TIME_ZONE}
# iran (فروردین … اسفند) or afghanistan (حمل … حوت)
months: iran
pageSize: 10
# The services (سرویس‌ها) of the newsroom: an article's \`service:\` names one of them; the slug is its URL.
services:
  - slug: politics
    name: سیاسی
  - slug: economy
    name: اقتصادی
  - slug: society
    name: اجتماعی
  - slug: international
    name: بین‌الملل
  - slug: culture
    name: فرهنگی
  - slug: sports
    name: ورزشی
`;
}

function exampleArticle(date: string): string {
  return `---
title: بایگان آغاز به کار کرد
shenaseh: 1
date: ${date}
service: سیاسی
tags: [بایگان]
lead: این نخستین خبر بایگان است؛ آن را ویرایش یا پاک کنید و خبرهای خود را بنویسید.
---

هر خبر یک پرونده است در \`content/news/<سال>/<ماه>/<شناسه>.md\`: سرِ پرونده میان دو خط \`---\` عنوان، شناسه، تاریخ جلالی، سرویس و برچسب‌ها را می‌گوید و پس از آن متن خبر با **Markdown** می‌آید.

برای نوشتن خبر تازه فرمان \`npx bayegan new --service economy --title "عنوان خبر"\` را بزنید و برای دیدن سایت هنگام نوشتن \`npx bayegan dev\` را.
`;
}

/** What in a folder is in the way of starting an archive there (nothing for a missing folder). */
function inTheWay(folder: string): string[] {
  if (!existsSync(folder)) return [];
  if (!statSync(folder).isDirectory()) return [path.basename(folder)];
  return readdirSync(folder).filter((name) => !HOUSEKEEPING.has(name)).sort();
}

/** Start an archive: `content/site.yml`, one example article and a `.gitignore`; refuses a folder that holds anything else. */
export function initProject(options: InitOptions): string[] {
  const folder = path.resolve(options.folder);
  const title = (options.title ?? 'بایگان').trim();
  const baseUrl = options.baseUrl ?? 'https://example.org/';
  if (!/^https?:$/.test(URL.parse(baseUrl)?.protocol ?? '')) {
    throw new InitRefused(`Unexpected --base-url \`${baseUrl}\`, expected an absolute http(s) URL such as \`https://news.example.org/\``);
  }
  if (title === '') throw new InitRefused('Unexpected empty `--title`, expected the site title');
  const found = inTheWay(folder);
  if (found.length > 0) {
    const shown = found.slice(0, 5).map((n) => `\`${n}\``).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
    throw new InitRefused(`Unexpected non-empty folder \`${folder}\` (it holds ${shown}), expected an empty folder; init never mixes an archive with other files`);
  }
  const day = jalaliFromEpochMs(options.now ?? buildTime(), TIME_ZONE);
  const article = path.join('content', 'news', String(day.jy), String(day.jm).padStart(2, '0'), '1.md');
  const files: Array<[string, string]> = [
    [path.join('content', 'site.yml'), siteYml(title, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)],
    [article, exampleArticle(formatJalaliCanonical({ jy: day.jy, jm: day.jm, jd: day.jd }))],
  ];
  if (!existsSync(path.join(folder, '.gitignore'))) files.push(['.gitignore', 'node_modules/\ndist/\n.cache/\n']);
  for (const [name, text] of files) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text, { flag: 'wx' });
  }
  return files.map(([name]) => name.split(path.sep).join('/'));
}
