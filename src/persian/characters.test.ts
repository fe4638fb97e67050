import { describe, expect, it } from 'vitest';
import { cleanText, closeBidi, findInvalidCharacters, removeInvalidCharacters, shortenText, toPlainText } from './characters.ts';

describe('characters no output may carry', () => {
  it('finds C0 controls but tab and line ends, DEL and C1 controls, U+FFFE/U+FFFF and other noncharacters', () => {
    const text = 'a\u0001b\tc\nd\re\u001ff\u007fg\u0085h\ufffei\uffffj\ufdd0k\u{1fffe}l';
    expect(findInvalidCharacters(text).map((c) => c.code)).toEqual([0x1, 0x1f, 0x7f, 0x85, 0xfffe, 0xffff, 0xfdd0, 0x1fffe]);
    expect(removeInvalidCharacters(text)).toBe('ab\tc\nd\refghijkl');
  });

  it('finds half a surrogate pair but keeps whole pairs', () => {
    const text = 'x\ud800y\udc00z😀\ud83d';
    expect(findInvalidCharacters(text)).toEqual([
      { index: 1, code: 0xd800 },
      { index: 3, code: 0xdc00 },
      { index: 7, code: 0xd83d },
    ]);
    expect(removeInvalidCharacters(text)).toBe('xyz😀');
  });

  it('keeps Persian text, ZWNJ, bidi marks and U+2028 as they are', () => {
    const text = 'بین‌الملل \u200f\u200e\u2028 ۱۴۰۰';
    expect(removeInvalidCharacters(text)).toBe(text);
  });
});

describe('closeBidi', () => {
  it('closes overrides and embeddings a value opens, so the text after it keeps its direction', () => {
    expect(closeBidi('\u202eevil')).toBe('\u202eevil\u202c');
    expect(closeBidi('\u202b\u202dx')).toBe('\u202b\u202dx\u202c\u202c');
  });

  it('closes isolates, and the embeddings outside them after', () => {
    expect(closeBidi('\u202ba\u2067b\u202ec')).toBe('\u202ba\u2067b\u202ec\u2069\u202c');
  });

  it('leaves balanced text and stray closers alone', () => {
    expect(closeBidi('\u202bسلام\u202c \u2067x\u2069')).toBe('\u202bسلام\u202c \u2067x\u2069');
    expect(closeBidi('a\u202cb\u2069')).toBe('a\u202cb\u2069');
  });

  it('is what cleanText adds to removing bad characters', () => {
    expect(cleanText('\u0001\u202ex\ud800')).toBe('\u202ex\u202c');
  });
});

describe('toPlainText and shortenText', () => {
  it('collapses every run of white space, line separators included, and trims', () => {
    expect(toPlainText('  a\n\n b\u2028c\t\u0001 d  ')).toBe('a b c d');
  });

  it('shortens at a space, with an ellipsis, never inside a surrogate pair', () => {
    expect(shortenText('one two three four', 12)).toBe('one two…');
    expect(shortenText('short', 12)).toBe('short');
    const cut = shortenText('😀'.repeat(10), 6);
    expect(findInvalidCharacters(cut)).toEqual([]);
    expect(cut.endsWith('…')).toBe(true);
  });
});
