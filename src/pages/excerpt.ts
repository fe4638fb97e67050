// Punctuation and joiners that should not stand right before the ellipsis.
const TRAILING = /[\s\u200c\u200d،؛,;:.!؟?\-–—«(]+$/u;

/**
 * Plain text cut to at most `max` characters at a word boundary, ending with «…»: never inside a
 * word (a ZWNJ joins the parts of one Persian word) and never after a dangling comma. A single
 * word longer than `max` is cut at a character boundary.
 */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max).join('');
  const space = chars[max] === ' ' ? head.length : head.lastIndexOf(' ');
  const cut = space > 0 ? head.slice(0, space) : head;
  return `${cut.replace(TRAILING, '')}…`;
}
