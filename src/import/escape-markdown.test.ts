import fc from 'fast-check';
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../parse/index.ts';
import { escapeParagraph } from './escape-markdown.ts';

/** The text Markdown reads back: the one paragraph that `markdown` must be. */
function readBack(markdown: string): string {
  const tree = parseMarkdown(markdown);
  expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  return toString(tree.children[0] as Paragraph);
}

/** Pieces of text: Persian letters and ZWNJ, digits, every character Markdown may read as syntax, and whole constructs. */
const pieces = [
  'خبر', 'بین‌الملل', 'ي', 'ك', '\u200c', '\u00a0', ' ', '  ', '\t', '۱۲', '3', '٤',
  ...'\\`*_[]<>#+-=|!~&:().;/\'"{}$%^?,'.split(''),
  '1.', '1)', '12. ', '1) ', '# ', '- ', '+ ', '* ', '> ', '---', '===', '***', '___', '```', '~~~', '    ',
  'www.example.org', 'https://example.org/a_b?x=1&y=2', 'a@b.org', '&amp;', '&#1234;', '&#x41;', '&copy',
  '<b>', '</p>', '<!-- x -->', '[a](b)', '![a](b)', '[^1]', '[x]: /u', '| a | b |', '|-|-|', ':-:', '**x**', '_x_', '~~x~~', '`c`', '\\*',
];
const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

describe('escapeParagraph', () => {
  it('writes Markdown whose paragraph text is exactly the input', () => {
    fc.assert(
      fc.property(paragraph, (p) => {
        expect(readBack(escapeParagraph(p))).toBe(p);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves plain Persian text as it is', () => {
    expect(escapeParagraph('گزارش سالانهٔ بانک مرکزی، ۱۲ درصد رشد.')).toBe('گزارش سالانهٔ بانک مرکزی، ۱۲ درصد رشد.');
  });

  it('escapes what the issue names: line starts #, -, 1., > and *, _, [, < anywhere', () => {
    expect(escapeParagraph('# یک\n- دو\n1. سه\n> چهار')).toBe('\\# یک\n\\- دو\n1\\. سه\n\\> چهار');
    expect(escapeParagraph('a*b_c [d](e) <f>')).toBe('a\\*b\\_c \\[d\\](e) \\<f>');
  });

  it('keeps a number that is not a list marker as it is', () => {
    expect(escapeParagraph('1.5 میلیون')).toBe('1.5 میلیون');
  });
});
