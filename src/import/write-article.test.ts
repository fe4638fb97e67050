import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../config/index.ts';
import type { DumpArticle } from './types.ts';
import { articleMarkdown, targetFile } from './write-article.ts';

function article(fields: Partial<DumpArticle> = {}): DumpArticle {
  return {
    title: 'نشست: پایان با توافق',
    date: { value: { jy: 1393, jm: 9, jd: 6 }, line: 3, column: 13 },
    service: { value: 'بین الملل', line: 4, column: 12 },
    shenaseh: { value: 21007, line: 5, column: 17 },
    caption: 'عکس از نشست',
    lead: 'بند نخست.',
    body: ['بند دوم،\nبا شکست خط.', '# نه عنوان'],
    ...fields,
  };
}

/** The front matter as the build reads it: failsafe YAML, every value a string. */
function frontMatter(markdown: string): Record<string, unknown> {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  return parseYaml(yaml, 'failsafe').value as Record<string, unknown>;
}

describe('articleMarkdown', () => {
  it('writes the keys in order, quoting only where YAML needs it, and the escaped body', () => {
    expect(articleMarkdown(article(), 'بین‌الملل')).toBe(`---
title: "نشست: پایان با توافق"
shenaseh: 21007
date: 1393-09-06
service: بین‌الملل
caption: عکس از نشست
lead: بند نخست.
---

بند دوم،
با شکست خط.

\\# نه عنوان
`);
  });

  it('leaves out a missing caption and writes an article of only a lead', () => {
    const markdown = articleMarkdown(article({ caption: undefined, body: [] }), 'سیاسی');
    expect(markdown).not.toContain('caption');
    expect(markdown.endsWith('lead: بند نخست.\n---\n')).toBe(true);
  });

  it('keeps a time and writes the date canonically', () => {
    const markdown = articleMarkdown(article({ date: { value: { jy: 1393, jm: 9, jd: 6, hour: 9, minute: 5 }, line: 1, column: 1 } }), 'سیاسی');
    expect(markdown).toContain('\ndate: 1393-09-06 09:05\n');
  });

  it('writes title, caption and lead so that the build reads back exactly the text', () => {
    const text = fc
      .array(fc.constantFrom('خبر', ' ', '\u200c', ':', ': ', '#', '- ', '"', "'", '[', '{', '&', '*', '!', '%', '@', '`', '|', '>', '1393', 'true', 'null', '~', '\n', '\u00a0', '\t'), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join('').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(text, text, text, (title, caption, lead) => {
        const read = frontMatter(articleMarkdown(article({ title, caption, lead }), 'سیاسی'));
        expect(read).toMatchObject({ title, caption, lead, shenaseh: '21007', date: '1393-09-06' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('targetFile', () => {
  it('is content/news/<jy>/<jm>/<shenaseh>.md with a two-digit month', () => {
    expect(targetFile('/site/content', article())).toBe('/site/content/news/1393/09/21007.md');
  });
});
