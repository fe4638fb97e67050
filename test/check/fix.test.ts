import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const BOM = '\uFEFF';

// One file with every kind of mechanical fix, written with a BOM and CRLF line ends; `{{a|b}}`
// marks a value that `--fix` must turn from a into b. Everything else must stay, byte for byte.
const template = [
  '---',
  'title: {{كتاب تازهٔ علمي|کتاب تازهٔ علمی}} # a comment with كتاب stays',
  'shenaseh: 100',
  'date: {{۶ آذر ۱۳۹۳ ساعت ۱۴:۳۰|1393-09-06 14:30}}',
  'updated: {{"1393/9/7"|"1393-09-07"}}',
  'service: {{بين الملل|بین‌الملل}}',
  "tags: [{{انرژي|انرژی}}, {{'زیست بوم'|'زیست‌بوم'}}, تهران]",
  'lead: |',
  '  خلاصهٔ {{ك|ک}}وتاه',
  '  در دو سطر',
  'caption: {{عكس|عکس}}',
  'image: عكس.png',
  '---',
  'متن خبر با كلمه‌های عربي و تاریخ ۶ آذر ۱۳۹۳ که دست نمی‌خورد.',
  '',
].join('\r\n');

const before = BOM + template.replace(/\{\{(.*?)\|(.*?)\}\}/g, '$1');
const after = BOM + template.replace(/\{\{(.*?)\|(.*?)\}\}/g, '$2');

const others = `-- content/news/101.md --
---
title: خبر دیگر
shenaseh: 101
date: 2014-11-27
service: سیاسی
tags: [انرژی, زیست‌بوم]
---
متن.
-- content/news/102.md --
---
title: خبر سوم
shenaseh: 102
date: 1393-09-08
service: سیاسی
tags: [انرژی, زیست‌بوم]
---
متن.
`;

describe('check --fix', () => {
  it('fixes spellings, Arabic letters and date forms, changing only those bytes, and the result passes check', async () => {
    const root = writeSite(`-- content/site.yml --\n${siteYml()}\n${others}`);
    const file = path.join(root, 'content/news/100.md');
    writeFileSync(file, before);
    // `image` is a file name: its letters are never changed.
    writeFileSync(path.join(root, 'content/news/عكس.png'), 'GIF89a');
    const first = await run(['check', '--root', root, '--fix']);
    expect(first.err).toContain('content/news/100.md:7:8: fixed: `انرژي` → `انرژی`');
    expect(first.err).toContain('content/news/101.md:4:7: fixed: `2014-11-27` → `1393-09-06`');
    expect(readFileSync(file)).toEqual(Buffer.from(after));
    expect(readFileSync(path.join(root, 'content/news/101.md'), 'utf8')).toContain('\ndate: 1393-09-06\n');
    expect(first.err).toContain('content/news/100.md:2:8: fixed: `كتاب تازهٔ علمي` → `کتاب تازهٔ علمی`');
    expect(first.code).toBe(0);
    const again = await run(['check', '--root', root]);
    expect(again.err).toMatch(/3 files checked in [\d.]+ s: 0 errors, 0 warnings\n$/);
    expect(again.code).toBe(0);
  });

  it('changes nothing when there is nothing to fix, and never a file with an error it cannot fix', async () => {
    const root = writeSite(`-- content/site.yml --\n${siteYml()}\n${others}-- content/news/103.md --\n---\ntitle: بد\nshenaseh: 103\ndate: 1393-12-30\nservice: سیاسی\n---\nمتن.\n`);
    const bytes = readFileSync(path.join(root, 'content/news/103.md'));
    const { code, err } = await run(['check', '--root', root, '--fix']);
    expect(readFileSync(path.join(root, 'content/news/103.md'))).toEqual(bytes);
    expect(err).toContain('content/news/103.md:4:7: error: Unexpected day `30`, expected 1–29: Esfand 1393 has 29 days [date-invalid]');
    expect(code).toBe(1);
  });
});
