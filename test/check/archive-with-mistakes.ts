import { siteYml } from '../helpers/site.ts';

/** One front matter with the four required keys; `extra` lines go before the closing `---`. */
export function article(shenaseh: string, extra = '', body = 'متن خبر.', date = '1400-01-01'): string {
  return `---\ntitle: خبر ${shenaseh}\nshenaseh: ${shenaseh}\ndate: ${date}\nservice: سیاسی\n${extra ? `${extra}\n` : ''}---\n${body}\n`;
}

/**
 * An archive with one mistake of every kind in its own file (and one file with two), plus
 * valid articles that link to the broken ones. Each mistake must be reported once, at its line.
 */
export const archive = `-- content/site.yml --
${siteYml()}
-- content/news/ok/100.md --
${article('100', 'tags: [انرژی]', 'پیوند به [خبر ۲۰۱](/news/201/)، [خبر ۲۰۲](/news/202/)، [خبر ۲۰۳](../203/) و [برچسب](/tag/بودجه/).')}
-- content/news/ok/101.md --
${article('101', 'tags: [انرژی]\naliases: [/old/101.html]')}
-- content/news/ok/map.png --
not really a png
-- content/news/201.md --
---
title: "خبر بی‌پایان
shenaseh: 201
date: 1400-01-01
service: سیاسی
tags: [بودجه]
---
YAML قطعهٔ بالا بسته نشده است.
-- content/news/202.md --
${article('202', '', 'متن.', '1400-13-01')}
-- content/news/203.md --
${article('203', 'tags: [بودجه]', 'متن با [پیوند شکسته](/news/999/).', '2021-03-21')}
-- content/news/204.md --
---
title: خبر ۲۰۴
shenaseh: 204
date: 1400-01-01
---
سرویس ندارد.
-- content/news/205.md --
${article('205').replace('service: سیاسی', 'service: ورزش')}
-- content/news/206.md --
${article('100')}
-- content/news/207.md --
${article('207', 'aliases: [/old/101.html, old/207.html, /tags/]')}
-- content/news/208.md --
${article('208', 'tags: [انرژي]\nserivce: سیاسی').replace('service: سیاسی\n', '')}
-- content/news/209.md --
${article('209', 'updated: 1399-12-01\nimage: missing.png', '![نقشه](../ok/map.png)')}
-- content/news/210.md --
${article('0210')}
-- content/news/211.md --
${article('211', 'tags: انرژی\nautor: کسی')}
-- content/news/212.md --
${article('212', 'aliases: [/old/a]')}
-- content/news/213.md --
${article('213', 'aliases: [/old/a/]')}
-- content/news/214.md --
${article('214', '', 'متن.', '1410-01-01')}
-- content/news/215.md --
title: بدون front matter
-- content/news/216.md --
-- content/news/217.md --
${article('2.5')}
-- content/news/218.md --
${article('218', '', 'پیوند به [منبع](ok/100.md).', '۶ آذز ۱۳۹۳')}
`;

/** `path:line:column rule-id` of every mistake above, in the order `check` prints them. */
export const expected = [
  'content/news/201.md:2:8 yaml-syntax',
  'content/news/202.md:4:7 date-invalid',
  'content/news/203.md:4:7 date-gregorian',
  'content/news/203.md:8:8 broken-link',
  'content/news/204.md:5:1 required-key',
  'content/news/205.md:5:10 unknown-service',
  // Of two files with one shenaseh or one alias, the one that looks like the owner (named
  // `<shenaseh>.md`, or whose id the alias names) is the second place; the other is reported.
  'content/news/206.md:3:11 duplicate-shenaseh',
  'content/news/207.md:6:11 alias-collision',
  'content/news/207.md:6:26 alias-format',
  'content/news/207.md:6:40 alias-collision',
  'content/news/208.md:5:8 tag-spelling',
  'content/news/208.md:6:1 unknown-key',
  'content/news/209.md:6:10 updated-before-date',
  'content/news/209.md:7:8 missing-image',
  'content/news/209.md:9:1 image-path',
  'content/news/210.md:3:11 leading-zero',
  'content/news/211.md:6:7 key-type',
  'content/news/211.md:7:1 unknown-key',
  'content/news/213.md:6:11 output-collision',
  'content/news/214.md:4:7 date-future',
  'content/news/215.md:1:1 front-matter-missing',
  'content/news/216.md:1:1 empty-file',
  'content/news/217.md:3:11 shenaseh-format',
  'content/news/218.md:4:7 date-format',
  'content/news/218.md:7:10 broken-link',
];
