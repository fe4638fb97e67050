import { describe, expect, it } from 'vitest';
import { collectFacts, parseMarkdown } from './markdown.ts';

const first = (body: string) => collectFacts(parseMarkdown(body), 5).firstParagraph;

describe('the default summary: plain text of the first paragraph', () => {
  it('leaves out raw HTML tags and the content of scripts, keeps the text between tags', () => {
    expect(first('خبر <b>مهم</b> <img src=x onerror=alert(1)> <script>steal()</script> امروز')).toBe('خبر مهم امروز');
    expect(first('a <span onclick="x()">b</span> <!-- note --> c')).toBe('a b c');
  });

  it('decodes entities once: the text is what a reader sees, each output escapes it again', () => {
    expect(first('AT&amp;T &lt;script&gt; &#65;')).toBe('AT&T <script> A');
  });

  it('keeps link text and code, not URLs or image alt text; a hard break is a space', () => {
    expect(first('[متن](javascript:alert(1)) `code` ![alt](x.png) end\\\nnext')).toBe('متن code end next');
  });

  it('skips paragraphs with no text (an image, a raw tag) and HTML blocks', () => {
    expect(first('<div>\nblock\n</div>\n\n![نقشه](map.png)\n\n<b></b>\n\n# عنوان\n\nبند نخست.')).toBe('بند نخست.');
  });

  it('collapses white space, removes control characters and shortens a long paragraph', () => {
    expect(first('a\u0001  b\u000b\n c\u2028d')).toBe('a b c d');
    const long = first('واژه '.repeat(500));
    expect(long.length).toBeLessThanOrEqual(600);
    expect(long.endsWith('واژه…')).toBe(true);
  });
});

describe('bad characters of a body', () => {
  it('are found at their file line and column', () => {
    const facts = collectFacts(parseMarkdown('ok\nab\u0001c\n\n`x\ufffe`'), 7);
    expect(facts.invalidCharacters).toEqual([
      { code: 1, line: 8, column: 3 },
      { code: 0xfffe, line: 10, column: 3 },
    ]);
    expect(collectFacts(parseMarkdown('fine'), 7).invalidCharacters).toBeUndefined();
  });
});
