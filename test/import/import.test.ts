import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { build } from '../helpers/site.ts';
import { articlePage, dumpText, emptySite, fold, importInto, shown } from './helpers.ts';

const kabul = `---
title: نشست منطقه‌ای آب در کابل با توافق بر سر سه طرح پایان یافت
shenaseh: 41007
date: 1393-09-06
service: بین‌الملل
caption: نمایندگان شش کشور در پایان نشست، در تالار اصلی
lead: نمایندگان شش کشور همسایه پس از دو روز گفت‌وگو در کابل بر سر سه طرح مشترک مدیریت آب به توافق رسیدند.
---

به گفتهٔ برگزارکنندگان، نخستین طرح به بازسازی کانال‌های آبیاری در دشت‌های مرزی می‌پردازد و
دو طرح دیگر به اندازه‌گیری مشترک جریان رودها و آموزش کارشناسان اختصاص دارد.

یکی از کارشناسان حاضر در نشست گفت: «اگر داده‌ها یکسان نباشند، هیچ توافقی دوام نمی‌آورد.»

هزینهٔ این سه طرح نزدیک به ۱۲ میلیون دلار برآورد شده و نشست بعدی در بهار برگزار می‌شود.
`;

/**
 * The article paragraphs of a text dump, read here independently of the importer: blocks between
 * blank lines (no-break-space lines are blank), less the headline, the labels (with the caption
 * line under them) and the two blocks of the comment widget; lines trimmed.
 */
function textDumpParagraphs(text: string): string[] {
  const blocks = text.trim().split(/\n[ \u00a0]*\n(?:[ \u00a0]*\n)*/);
  return blocks.slice(2, -2).map((block) => block.split('\n').map((line) => line.trim()).join('\n'));
}

/** The `<p>` texts of an HTML dump as a browser shows them (whitespace collapsed), less the comment widget. */
function htmlDumpParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'p') paragraphs.push(toString(node));
  });
  return paragraphs.slice(0, -2);
}

/** Whitespace as a browser shows it: every run one space. */
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('bayegan import: the layout of the issue', () => {
  it('imports a dump (Afghan month, Persian digits, caption, no-break-space line, comment widget) to the expected file', async () => {
    const root = emptySite('months: afghanistan\n');
    const { code, out, err } = await importInto(root, 'kabul-water.txt');
    expect(err).toBe('');
    expect(out).toBe('Imported 1, unchanged 0, failed 0\n');
    expect(code).toBe(0);
    // `بین الملل` (ZWNJ lost) is written as the registry's `بین‌الملل`.
    expect(readFileSync(path.join(root, 'content/news/1393/09/41007.md'), 'utf8')).toBe(kabul);
  });

  it('builds the imported article: title, date in the site’s month names, service, caption and every paragraph', async () => {
    for (const [months, date] of [['afghanistan', '۶ قوس ۱۳۹۳'], ['iran', '۶ آذر ۱۳۹۳']] as const) {
      const root = emptySite(`months: ${months}\n`);
      expect((await importInto(root, 'kabul-water.txt')).code).toBe(0);
      const site = await build(root);
      const page = articlePage(site.read('news/41007/index.html'));
      expect(page.title).toBe('نشست منطقه‌ای آب در کابل با توافق بر سر سه طرح پایان یافت');
      expect(page.date).toBe(date);
      expect(page.service).toBe('بین‌الملل');
      expect(page.caption).toBe('نمایندگان شش کشور در پایان نشست، در تالار اصلی');
      expect(page.lead).toBe('نمایندگان شش کشور همسایه پس از دو روز گفت‌وگو در کابل بر سر سه طرح مشترک مدیریت آب به توافق رسیدند.');
      expect(page.paragraphs).toHaveLength(3);
      expect(page.paragraphs[2]).toBe('هزینهٔ این سه طرح نزدیک به ۱۲ میلیون دلار برآورد شده و نشست بعدی در بهار برگزار می‌شود.');
      expect(site.read('news/41007/index.html')).not.toContain('دیدگاه');
    }
  });
});

describe('bayegan import: round trip', () => {
  // The page shows Persian digits where the dump may have Latin ones: both sides are folded (`fold`).
  it.each([
    ['kabul-water.txt', 41007],
    ['budget-markdown.txt', 41008],
  ])('a text dump’s paragraphs are the page’s, to the character: %s', async (name, id) => {
    const root = emptySite();
    expect((await importInto(root, name)).code).toBe(0);
    const page = articlePage((await build(root)).read(`news/${id}/index.html`));
    const expected = textDumpParagraphs(dumpText(name));
    expect(expected.length).toBeGreaterThan(2);
    expect([page.lead, ...page.paragraphs].map(fold)).toEqual(expected.map(fold));
  });

  it('an HTML dump’s paragraphs are the page’s, as a browser shows both', async () => {
    const root = emptySite();
    expect((await importInto(root, 'market-page.html')).code).toBe(0);
    const page = articlePage((await build(root)).read('news/41013/index.html'));
    const expected = htmlDumpParagraphs(dumpText('market-page.html'));
    expect(expected).toHaveLength(3);
    expect([page.lead, ...page.paragraphs].map((p) => collapse(fold(p)))).toEqual(expected.map((p) => collapse(fold(p))));
    expect(page.caption).toBe('غرفه‌های میوه در بازار روز');
  });

  it('keeps Markdown-looking text as text: *, _, […](…), <tag>, lines starting #, -, 1., >', async () => {
    const root = emptySite();
    expect((await importInto(root, 'budget-markdown.txt')).code).toBe(0);
    const markdown = readFileSync(path.join(root, 'content/news/1395/03/41008.md'), 'utf8');
    expect(markdown).toContain('date: 1395-03-18\nservice: سیاسی\n');
    expect(markdown).toContain('\\# بندهای اصلی مصوبه\n\\- نوسازی ناوگان اتوبوس\n1\\. ساخت دو ایستگاه مترو\n\\> تکمیل');
    const html = (await build(root)).read('news/41008/index.html');
    expect(articlePage(html).date).toBe('۱۸ خرداد ۱۳۹۵');
    const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(body).toContain('<p>');
    expect(body).not.toMatch(/<(h\d|ul|ol|li|blockquote|em|strong|code)\b/);
    expect(articlePage(html).paragraphs[1]).toBe('نشانی گزارش کامل: [پیوست](https://example.org/budget) و پروندهٔ <جدول> در سامانهٔ شورا.');
  });
});

describe('bayegan import: malformed dumps', () => {
  it.each([
    ['no-id.txt', '5:1', 'Unexpected blank line, expected a `• شناسه مطلب: <number>` line [import-no-id]'],
    ['unknown-month.txt', '3:13', 'Unexpected month name `برفان`, expected an Iranian (فروردین … اسفند) or Afghan (حمل … حوت) month name [import-date]'],
    ['impossible-date.txt', '3:13', 'Unexpected day `30`, expected 1–29: Esfand 1393 has 29 days [import-date]'],
    ['empty-body.txt', '7:1', 'Unexpected `نظرات(۰ دیدگاه)`, expected the lead paragraph [import-empty-body]'],
  ])('%s: reports the error and imports nothing', async (name, place, message) => {
    const root = emptySite();
    const { code, out, err } = await importInto(root, name);
    expect(err).toContain(`${shown(name)}:${place}: error: ${message}\n  fix: `);
    expect(out).toBe('Imported 0, unchanged 0, failed 1\n');
    expect(code).toBe(1);
    expect(existsSync(path.join(root, 'content/news'))).toBe(false);
  });
});
