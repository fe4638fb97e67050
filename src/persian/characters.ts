/**
 * Characters that no page or feed may carry, and text made plain for summaries. Every output
 * format escapes for itself (`pages/escape.ts`); what it may not carry at all is decided here,
 * once, so that the warning (`control-character`) and the removal always agree.
 */

/**
 * What XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE and
 * U+FFFF; a surrogate without its other half), and what HTML reports as a parse error: C1
 * controls (with DEL) and the noncharacters of every plane.
 */
const INVALID = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Bidi embeddings and overrides (closed by PDF) and isolates (closed by PDI). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** True when `text` holds a character that no output may carry. */
export function hasInvalidCharacters(text: string): boolean {
  INVALID.lastIndex = 0;
  return INVALID.test(text);
}

/** Each character that no output may carry, with its UTF-16 index and code point (a noncharacter of a higher plane counts once). */
export function findInvalidCharacters(text: string): Array<{ index: number; code: number }> {
  return [...text.matchAll(INVALID)].map((m) => ({ index: m.index, code: m[0].codePointAt(0)! }));
}

/** `text` without the characters that no output may carry. */
export function removeInvalidCharacters(text: string): string {
  return text.replace(INVALID, '');
}

/**
 * `text` with every bidi embedding, override or isolate it opens closed at its end, so that a
 * value cannot reverse the text printed after it (a title's `U+202E` and the site name after it).
 */
export function closeBidi(text: string): string {
  let embeddings = 0;
  const isolates: number[] = [];
  for (const [char] of text.matchAll(BIDI)) {
    if (char === '\u202c') embeddings = Math.max(embeddings - 1, 0);
    else if (char === '\u2069') {
      // A PDI closes its isolate and every embedding opened inside it.
      if (isolates.length > 0) embeddings = isolates.pop()!;
    } else if (char >= '\u2066') {
      isolates.push(embeddings);
      embeddings = 0;
    } else embeddings += 1;
  }
  // A PDI also closes every embedding opened inside its isolate.
  if (isolates.length > 0) return text + '\u2069'.repeat(isolates.length) + '\u202c'.repeat(isolates[0]!);
  return text + '\u202c'.repeat(embeddings);
}

// Every character either step may act on (surrogates whole or not): one test, since nearly all
// text has none and this runs on every value of every page.
const SUSPECT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]/;

/** Text safe to print as one value: no character an output may not carry, bidi controls closed. */
export function cleanText(text: string): string {
  return SUSPECT.test(text) ? closeBidi(removeInvalidCharacters(text)) : text;
}

/**
 * Plain text for a summary or a description: no character an output may not carry, every run of
 * white space (line breaks and U+2028 included) one space, none at either end.
 */
export function toPlainText(text: string): string {
  return removeInvalidCharacters(text).replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` characters of plain text, cut at a space where there is one and ended with `…`,
 * never inside a surrogate pair.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** `U+0001` for a code point, as messages name characters. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
