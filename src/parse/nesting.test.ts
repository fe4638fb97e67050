import { describe, expect, it } from 'vitest';
import { collectFacts, MAX_NESTING, nestsTooDeep, parseMarkdown, TOO_DEEP } from './index.ts';

const deep = (body: string) => nestsTooDeep(parseMarkdown(body));

describe('nestsTooDeep', () => {
  it('counts Markdown levels and raw HTML elements together', () => {
    expect(deep(`${'> '.repeat(MAX_NESTING - 5)}x`)).toBe(false);
    expect(deep(`${'> '.repeat(MAX_NESTING + 1)}x`)).toBe(true);
    expect(deep(`<div>\n${'<span>'.repeat(MAX_NESTING - 10)}x\n</div>`)).toBe(false);
    expect(deep(`<div>\n${'<span>'.repeat(MAX_NESTING + 1)}x\n</div>`)).toBe(true);
    // Inline HTML opened in one paragraph node and never closed still nests what follows.
    expect(deep(`a ${'<b>'.repeat(MAX_NESTING + 1)} x`)).toBe(true);
  });

  it('does not count elements that close, void elements, or siblings that close each other', () => {
    expect(deep(`<div>\n${'<span>x</span>'.repeat(5000)}\n</div>`)).toBe(false);
    expect(deep(`<div>\n${'<br><img src="x.png"><hr/>'.repeat(5000)}\n</div>`)).toBe(false);
    expect(deep(`<div>\n${'<p>x'.repeat(5000)}\n</div>`)).toBe(false);
    expect(deep(`<ul>\n${'<li>x'.repeat(5000)}\n</ul>`)).toBe(false);
  });

  it('is not fooled by end tags of elements that are not open', () => {
    expect(deep(`<div>\n${'<span></b>'.repeat(MAX_NESTING + 1)}x\n</div>`)).toBe(true);
  });

  it('makes a body too deep a fact with one wording, whichever limit it met', () => {
    expect(collectFacts(parseMarkdown(`${'> '.repeat(MAX_NESTING + 1)}x`), 1).problem).toBe(TOO_DEEP);
    expect(collectFacts(parseMarkdown(`${'>'.repeat(12_000)} x`), 1).problem).toBe(TOO_DEEP);
    expect(collectFacts(parseMarkdown('ordinary *text* with a [link](/news/1/)'), 1).problem).toBeUndefined();
  });
});
