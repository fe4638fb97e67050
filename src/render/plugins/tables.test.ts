import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../parse/index.ts';
import { renderBody } from '../processor.ts';

const render = (markdown: string) => renderBody(parseMarkdown(markdown), false, { basePath: '/' });

describe('tables', () => {
  it('keeps column alignment as classes, never the obsolete align attribute', async () => {
    const html = await render('| الف | ب | پ |\n|:---:|---:|---|\n| ۱ | ۲ | ۳ |\n');
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-center">الف</th>');
    expect(html).toContain('<th class="align-right">ب</th>');
    expect(html).toContain('<th>پ</th>');
    expect(html).toContain('<td class="align-center">۱</td>');
  });

  it('puts each table in its own focusable, named box that can scroll sideways', async () => {
    const html = await render('| a |\n|---|\n| 1 |\n\nمتن\n\n| b |\n|---|\n| 2 |\n');
    expect(html.match(/<div class="table-scroll" role="region" tabindex="0" aria-label="جدول ([۱۲])"><table>/g)).toEqual([
      '<div class="table-scroll" role="region" tabindex="0" aria-label="جدول ۱"><table>',
      '<div class="table-scroll" role="region" tabindex="0" aria-label="جدول ۲"><table>',
    ]);
  });

  it('drops a raw align attribute that is not a column alignment', async () => {
    const html = await renderBody(parseMarkdown('<table><tr><td align="justify">x</td></tr></table>\n'), true, { basePath: '/' });
    expect(html).not.toContain('align');
  });
});

describe('footnotes', () => {
  it('names each back-link by what it shows, and shows the reference in Persian digits', async () => {
    const html = await render('متن[^1] و باز[^1] و دیگر[^2].\n\n[^1]: یک\n[^2]: دو\n');
    expect(html).toContain('<a href="#fn-1" id="fnref-1" data-footnote-ref aria-describedby="footnote-label">۱</a>');
    expect(html).toContain('<a href="#fnref-1" data-footnote-backref="" class="footnote-back">بازگشت به متن</a>');
    expect(html).toContain('<a href="#fnref-1-2" data-footnote-backref="" class="footnote-back">بازگشت به ارجاع ۲</a>');
    expect(html).not.toContain('aria-label');
    expect(html).toContain('<h2 class="footnotes-title" id="footnote-label">');
  });
});
