import { describe, expect, it } from 'vitest';
import { parseDump } from './parse-dump.ts';
import { textLines } from './read-dump.ts';
import type { DumpArticle, ImportProblem } from './types.ts';

const dump = `خبر آزمایشی

  • انتشار: ۶ قوس ۱۳۹۳
  • سرویس: بین الملل
  • شناسه مطلب: ۲۱۰۰۷
عکس: تالار نشست

بند نخست.

بند دوم.

نظرات(۳ دیدگاه)

نظر شما چیست؟
`;

function parsed(text: string): DumpArticle {
  const result = parseDump(textLines(text));
  if (!result.ok) throw new Error(`${result.problem.line}:${result.problem.column} ${result.problem.message}`);
  return result.value;
}

function problem(text: string): ImportProblem {
  const result = parseDump(textLines(text));
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('parseDump', () => {
  it('reads the layout of the issue: headline, labels, caption, lead, body; drops the comment widget', () => {
    const article = parsed(dump);
    expect(article.title).toBe('خبر آزمایشی');
    expect(article.date).toEqual({ value: { jy: 1393, jm: 9, jd: 6 }, line: 3, column: 13 });
    expect(article.service).toEqual({ value: 'بین الملل', line: 4, column: 12 });
    expect(article.shenaseh.value).toBe(21007);
    expect(article.caption).toBe('عکس: تالار نشست');
    expect(article.lead).toBe('بند نخست.');
    expect(article.body).toEqual(['بند دوم.']);
  });

  it('takes other bullets or none, `：`, any label order, blank lines between labels, and Latin digits', () => {
    const article = parsed(`خبر

- شناسه مطلب： 42
* سرویس :سیاسی

انتشار: پنجشنبه ۶ آذر ۱۳۹۳ ساعت ۱۴:۳۰

بند.`);
    expect(article.shenaseh.value).toBe(42);
    expect(article.service.value).toBe('سیاسی');
    expect(article.date.value).toEqual({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 });
    expect(article.caption).toBeUndefined();
    expect(article.lead).toBe('بند.');
  });

  it('takes any one- or two-symbol bullet, a bidi mark included', () => {
    const article = parsed(dump.replace('  • انتشار', '► انتشار').replace('  • سرویس', '\u200f• سرویس').replace('  • شناسه', '-- شناسه'));
    expect(article.shenaseh.value).toBe(21007);
    expect(article.caption).toBe('عکس: تالار نشست');
  });

  it('counts no-break-space and zero-width lines as blank, and keeps a paragraph’s inner line breaks', () => {
    const article = parsed(dump.replace('بند نخست.\n', 'بند نخست،\n   ادامهٔ بند نخست.  \n\u00a0\u00a0\n\u200c\n\n'));
    expect(article.lead).toBe('بند نخست،\nادامهٔ بند نخست.');
    expect(article.body).toEqual(['بند دوم.']);
  });

  it('drops the widget with Latin digits or without spaces, only at the end', () => {
    expect(parsed(dump.replace('نظرات(۳ دیدگاه)', 'نظرات (3 دیدگاه)').replace('نظر شما چیست؟', 'نظرشما چیست?')).body).toEqual(['بند دوم.']);
    const inside = parsed(dump.replace('بند دوم.', 'نظر شما چیست؟\n\nبند دوم.'));
    expect(inside.body).toEqual(['نظر شما چیست؟', 'بند دوم.']);
    const without = parsed(dump.slice(0, dump.indexOf('نظرات')));
    expect(without.body).toEqual(['بند دوم.']);
  });

  it('keeps a text line after the widget, and the widget with it', () => {
    expect(parsed(`${dump}\nپایان گزارش.`).body).toEqual(['بند دوم.', 'نظرات(۳ دیدگاه)', 'نظر شما چیست؟', 'پایان گزارش.']);
  });

  it('reports a missing id where it was expected', () => {
    expect(problem(dump.replace('  • شناسه مطلب: ۲۱۰۰۷\n', ''))).toMatchObject({
      ruleId: 'import-no-id',
      message: 'Unexpected `عکس: تالار نشست`, expected a `• شناسه مطلب: <number>` line',
      line: 5,
      column: 1,
    });
    expect(problem(dump.replace('۲۱۰۰۷', '۲۱۰الف'))).toMatchObject({ ruleId: 'import-no-id', line: 5, column: 17 });
  });

  it('reports an unknown month name and an impossible date at the date', () => {
    expect(problem(dump.replace('قوس', 'برفان'))).toMatchObject({ ruleId: 'import-date', line: 3, column: 13 });
    expect(problem(dump.replace('۶ قوس ۱۳۹۳', '۳۰ حوت ۱۳۹۳'))).toMatchObject({
      ruleId: 'import-date',
      message: 'Unexpected day `30`, expected 1–29: Esfand 1393 has 29 days',
    });
  });

  it('reports an article without text', () => {
    const empty = dump.replace('بند نخست.\n\nبند دوم.\n\n', '');
    expect(problem(empty)).toMatchObject({ ruleId: 'import-empty-body', message: 'Unexpected `نظرات(۳ دیدگاه)`, expected the lead paragraph', line: 8 });
    expect(problem(dump.slice(0, dump.indexOf('بند نخست')))).toMatchObject({ ruleId: 'import-empty-body', message: 'Unexpected end of file, expected the lead paragraph' });
  });

  it('reports what stands where the layout expected something else', () => {
    expect(problem('')).toMatchObject({ ruleId: 'import-layout', message: 'Unexpected end of file, expected the headline' });
    expect(problem(dump.replace('  • انتشار', 'روتیتر\n  • انتشار').replace('خبر آزمایشی\n\n', 'خبر آزمایشی\n\nزیرعنوان\n'))).toMatchObject({
      ruleId: 'import-layout',
      line: 3,
    });
    expect(problem(dump.replace('  • سرویس', '  • نویسنده: کسی\n  • سرویس'))).toMatchObject({
      ruleId: 'import-layout',
      message: expect.stringMatching(/^Unexpected `• نویسنده: کسی`, expected the labelled lines/),
      line: 4,
    });
    expect(problem(dump.replace('  • سرویس: بین الملل', '  • سرویس:'))).toMatchObject({ ruleId: 'import-layout', message: expect.stringContaining('empty service') });
    expect(problem(dump.replace('  • سرویس: بین الملل', '  • سرویس: یک\n  • سرویس: دو'))).toMatchObject({ ruleId: 'import-layout', line: 5 });
  });
});
