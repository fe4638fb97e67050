import { describe, expect, it } from 'vitest';
import { splitSource } from './source.ts';

const article = ['---', 'title: خبر', 'shenaseh: 1', 'date: 1393-09-06', 'service: سیاسی', '---', 'متن خبر.', ''];

describe('splitSource', () => {
  it('accepts a BOM and CRLF line ends silently, with YAML lines that are the file lines', () => {
    const split = splitSource('a.md', Buffer.from(`\uFEFF${article.join('\r\n')}`));
    expect(split.diagnostics).toEqual([]);
    expect(split.frontMatter?.data).toEqual({ title: 'خبر', shenaseh: '1', date: '1393-09-06', service: 'سیاسی' });
    expect(split.frontMatter?.places.date?.value).toEqual({ line: 4, column: 7 });
    expect(split.frontMatter?.closeLine).toBe(6);
    expect(split.body).toBe('متن خبر.\r\n');
    expect(split.bodyLine).toBe(7);
  });

  it('keeps every value the string that was written', () => {
    const split = splitSource('a.md', Buffer.from(article.join('\n').replace('shenaseh: 1', 'shenaseh: 0123\ndraft: yes')));
    expect(split.frontMatter?.data).toMatchObject({ shenaseh: '0123', date: '1393-09-06', draft: 'yes' });
  });

  it('points at the line where an unclosed quote or list was opened, or the line indented by mistake, not where YAML noticed', () => {
    for (const [line, at] of [['title: "خبر', '2:8'], ['tags: [a, b', '2:7'], ['title: خبر\n  more: x', '3:3']] as const) {
      const split = splitSource('a.md', Buffer.from(article.join('\n').replace('title: خبر', line)));
      expect(split.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([`${at} yaml-syntax`]);
    }
  });

  it('tells a missing closing --- from a YAML mistake when a --- in the body closed the front matter', () => {
    const text = article.join('\n').replace('---\nمتن خبر.', '\nمتن خبر.\n\n---\n\nبند دوم.');
    expect(splitSource('a.md', Buffer.from(text)).diagnostics).toMatchObject([{ line: 7, column: 1, ruleId: 'front-matter-unclosed' }]);
  });

  it('names a key written twice, at the second one', () => {
    const split = splitSource('a.md', Buffer.from(article.join('\n').replace('shenaseh: 1', 'shenaseh: 1\ntitle: دو')));
    expect(split.diagnostics).toMatchObject([{ line: 4, column: 1, ruleId: 'yaml-syntax', message: 'Unexpected second `title` key, expected each key once' }]);
  });

  it('names the first byte that is not UTF-8, counting columns after a BOM as an editor does', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF---\ntitle: '), Buffer.of(0xc8), Buffer.from('\n---\n')]);
    expect(splitSource('a.md', bytes).diagnostics).toMatchObject([{ line: 2, column: 8, ruleId: 'encoding', message: 'Unexpected byte `0xc8` at offset 14, expected UTF-8 text' }]);
  });

  it('reports an alias bomb as YAML, never as an exception', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]'];
    const split = splitSource('a.md', Buffer.from(['---', ...bomb, '---', ''].join('\n')));
    expect(split.diagnostics.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
  });
});
