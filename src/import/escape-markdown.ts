/**
 * Writing dump text as Markdown that reads back as exactly that text.
 *
 * Every character that Markdown could take as syntax is escaped, inline ones anywhere and
 * block ones at the start of a line, so that a paragraph of a dump stays one paragraph whose
 * text (mdast `toString`) is the paragraph, character for character. A newline inside the
 * paragraph stays a newline: a Markdown soft line break, which keeps the character and which
 * browsers show as a space, as they show a wrapped line.
 *
 * GFM links web and e-mail addresses in two ways: while parsing, taking the link's text from the
 * source as written (escapes included), and afterwards, from the decoded text. An address that
 * needs an escape is written so that the first way cannot start (`https\://`, `www\.`, `\@`);
 * whether it then becomes a link or not, its text is exactly the dump's.
 */

/** Inline syntax anywhere in a line: escapes, code, emphasis, links, HTML, strikethrough, table cells, and `&` that would start an entity. */
const INLINE = /[\\`*_[\]<~|]|&(?=#?[A-Za-z0-9]+;)/g;
/** Block syntax at the start of a line: headings, block quotes, bullets, setext underlines, thematic breaks, table delimiter rows (`:-:`). */
const BLOCK_START = /^[#>+=:-]/;
/** An ordered-list marker (`1.`, `12)`) at the start of a line: its `.` or `)` is escaped. */
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
/** A whitespace-free chunk that GFM may read as the start of an autolink literal. */
const LINKISH = /(?:https?|mailto|xmpp):|www\.|@/i;
/** What keeps such a chunk from being a link: the `:` of the scheme, the `.` after `www`, every `@`. */
const LINK_START = /(?<=https?|mailto|xmpp)(?=:)|(?<=www)(?=\.)|(?=@)/gi;
/** Spaces and tabs at the edges of a line, which Markdown would strip. */
const EDGES = /^([ \t]*)(.*?)([ \t]*)$/s;

/** Write spaces and tabs as character references, which Markdown keeps as text. */
function keepBlanks(blanks: string): string {
  return blanks.replace(/[ \t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escape one whitespace-free chunk. An address is left as written only when nothing in it needs
 * an escape and no character reference follows it (either would show in a parsed link's text).
 */
function escapeChunk(chunk: string, last: boolean): string {
  const escaped = chunk.replace(INLINE, (c) => `\\${c}`);
  if (!LINKISH.test(chunk) || (escaped === chunk && !last)) return escaped;
  return escaped.replace(LINK_START, '\\');
}

/** Escape one line of a paragraph. */
function escapeLine(line: string): string {
  const [, lead = '', core = '', trail = ''] = EDGES.exec(line) ?? [];
  const chunks = core.split(/([ \t]+)/);
  const inline = chunks.map((chunk, i) => escapeChunk(chunk, trail !== '' && i === chunks.length - 1)).join('');
  const block = BLOCK_START.test(inline) ? `\\${inline}` : inline.replace(ORDERED, '$1\\$2');
  return keepBlanks(lead) + block + keepBlanks(trail);
}

/**
 * Markdown for one paragraph whose text is exactly `paragraph`.
 * The paragraph must not be empty and must have no empty line (an empty line ends a Markdown
 * paragraph); its line endings are `\n`.
 */
export function escapeParagraph(paragraph: string): string {
  return paragraph.split('\n').map(escapeLine).join('\n');
}
