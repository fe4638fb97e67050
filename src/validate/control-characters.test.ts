import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fromVFile } from '../diagnostics/index.ts';
import { collectFacts, parseMarkdown, splitSource } from '../parse/index.ts';
import { checkControlCharacters, MAX_CHARACTER_WARNINGS } from './control-characters.ts';

function warnings(text: string) {
  const split = splitSource('a.md', new TextEncoder().encode(text));
  const file = new VFile({ path: 'a.md' });
  checkControlCharacters(file, split.frontMatter!, collectFacts(parseMarkdown(split.body), split.bodyLine));
  return fromVFile(file).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}${d.note?.includes('more') ? ` (${/\d+ more/.exec(d.note)![0]})` : ''}`);
}

describe('control-character', () => {
  it('warns at raw characters in front matter and body, and at escapes in double-quoted values only', () => {
    const text = '---\ntitle: a\u0001b\nlead: \'\\x01\'\ncaption: "\\x01\\\\x01"\ntags: [x, "y\\uFFFF"]\nsource: |\n  s\u007f\n---\nbody\u0085\n';
    expect(warnings(text)).toEqual([
      '2:9 warning Unexpected control character U+0001, expected text that pages and feeds can carry',
      '4:11 warning Unexpected `\\x01` (control character U+0001), expected text that pages and feeds can carry',
      '5:13 warning Unexpected `\\uFFFF` (noncharacter U+FFFF), expected text that pages and feeds can carry',
      '7:4 warning Unexpected control character U+007F, expected text that pages and feeds can carry',
      '9:5 warning Unexpected control character U+0085, expected text that pages and feeds can carry',
    ]);
  });

  it('takes two surrogate escapes side by side as one character, and a lone one as a problem', () => {
    expect(warnings('---\ntitle: "\\uD83D\\uDE00 \\U0001F600"\n---\nx\n')).toEqual([]);
    expect(warnings('---\ntitle: "\\uDE00\\uD83D"\n---\nx\n')).toHaveLength(2);
  });

  it('names at most a few per file and says how many more there are', () => {
    const list = warnings(`---\ntitle: t\n---\n${'\u0001'.repeat(25)}\n`);
    expect(list).toHaveLength(MAX_CHARACTER_WARNINGS);
    expect(list.at(-1)).toContain('(15 more)');
  });
});
