import { describe, expect, it } from 'vitest';
import { parseDump } from './parse-dump.ts';
import { readDump } from './read-dump.ts';
import type { DumpArticle } from './types.ts';

const text = `خبر آزمایشی

  • انتشار: ۶ قوس ۱۳۹۳
  • سرویس: سیاسی
  • شناسه مطلب: ۲۱۰۰۷

بند نخست.

بند دوم.
`;

function article(bytes: Uint8Array): DumpArticle {
  const dump = readDump(bytes);
  if (!dump.ok) throw new Error(dump.problem.message);
  const result = parseDump(dump.value.lines);
  if (!result.ok) throw new Error(`${result.problem.line}:${result.problem.column} ${result.problem.message}`);
  return result.value;
}

function html(body: string): string {
  return `<!doctype html>\n<html><head><title>عنوان صفحه</title></head>\n<body>\n${body}\n</body></html>`;
}

describe('readDump: text', () => {
  it('reads UTF-8 with a BOM and CRLF line endings like plain UTF-8', () => {
    const plain = article(Buffer.from(text));
    expect(article(Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`))).toEqual(plain);
    expect(plain.body).toEqual(['بند دوم.']);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(article(bytes).lead).toBe('بند نخست.');
  });

  it('reads the Windows-1256 of old Persian sites when the layout’s words show through', () => {
    const bytes = Buffer.from(
      'cec8d10a0a9520c7e4cad4c7d13a203620c2d0d120313339330a9520d3d1e6edd33a20d3edc7d3ed0a9520d4e4c7d3e520e3d8e1c83a20370a0ae3cae420cec8d12e0a',
      'hex',
    );
    const read = article(bytes);
    expect(read.shenaseh.value).toBe(7);
    expect(read.lead).toBe('متن خبر.');
  });

  it('rejects bytes that are not text, at the first bad byte', () => {
    const dump = readDump(Buffer.concat([Buffer.from('خبر\nخط دوم '), Buffer.from([0xff, 0x00, 0x81])]));
    expect(dump).toMatchObject({ ok: false, problem: { ruleId: 'import-encoding', line: 2, column: 8 } });
  });

  it('does not take a text dump that mentions a tag for HTML', () => {
    const dump = readDump(Buffer.from(text.replace('بند دوم.', 'برچسب <p> در متن.')));
    expect(dump.ok && dump.value.format).toBe('text');
  });
});

describe('readDump: HTML', () => {
  const page = html(`<h1>خبر   آزمایشی</h1>
<ul>
  <li>انتشار: ۶ قوس ۱۳۹۳</li>
  <li><strong>سرویس:</strong> سیاسی</li>
  <li>شناسه مطلب: ۲۱۰۰۷</li>
</ul>
<p>بند
   نخست.</p>
<p>بند&nbsp;دوم،<br>
با یک شکست خط.</p>
<p>نظرات(۳ دیدگاه)</p>
<p>نظر شما چیست؟</p>`);

  it('reads the same layout from list items and paragraphs, whitespace collapsed as a browser shows it', () => {
    const read = article(Buffer.from(page));
    expect(read.title).toBe('خبر آزمایشی');
    expect(read.service.value).toBe('سیاسی');
    expect(read.shenaseh.value).toBe(21007);
    expect(read.caption).toBeUndefined();
    expect(read.lead).toBe('بند نخست.');
    expect(read.body).toEqual(['بند\u00a0دوم،\nبا یک شکست خط.']);
  });

  it('takes a figcaption, or the loose line right after the list, as the caption', () => {
    expect(article(Buffer.from(page.replace('</ul>', '</ul>\n<figure><img src="a.jpg"><figcaption>عکس از نشست</figcaption></figure>'))).caption).toBe(
      'عکس از نشست',
    );
    expect(article(Buffer.from(page.replace('</ul>', '</ul>\nعکس از نشست'))).caption).toBe('عکس از نشست');
  });

  it('takes list items that carry their own bullet, and a widget split by <br> in a div', () => {
    const read = article(Buffer.from(page.replace(/<li>/g, '<li>• ').replace(/<p>نظرات.*/s, '<div><span>نظرات(۲ دیدگاه)</span><br><span>نظر شما چیست؟</span></div>')));
    expect(read.shenaseh.value).toBe(21007);
    expect(read.body).toEqual(['بند\u00a0دوم،\nبا یک شکست خط.']);
  });

  it('falls back to the title when there is no h1', () => {
    expect(article(Buffer.from(page.replace(/<h1>.*<\/h1>/, ''))).title).toBe('عنوان صفحه');
  });

  it('reports a layout problem at the source line of the element', () => {
    const dump = readDump(Buffer.from(page.replace('<li>شناسه مطلب: ۲۱۰۰۷</li>', '')));
    if (!dump.ok) throw new Error(dump.problem.message);
    expect(parseDump(dump.value.lines)).toMatchObject({
      ok: false,
      problem: { ruleId: 'import-no-id', message: 'Unexpected `بند نخست.`, expected a `• شناسه مطلب: <number>` line', line: 10, column: 4 },
    });
    const month = readDump(Buffer.from(page.replace('قوس', 'برفان')));
    expect(month.ok && parseDump(month.value.lines)).toMatchObject({ ok: false, problem: { ruleId: 'import-date', line: 6 } });
  });
});
