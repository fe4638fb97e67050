/**
 * One escaping helper per output format, for every place bayegan writes a format by hand
 * (redirect pages, feeds, sitemaps, JSON-LD). Templates escape through Liquid's `outputEscape`
 * (see `filters.ts`), which ends in the same cleaning. Text helpers take plain text: they remove
 * the characters no output may carry and close the bidi controls a value opens
 * (`persian/characters.ts`), then escape what the format gives a meaning to, once.
 */
import { cleanText } from '../persian/index.ts';

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE: Record<string, string> = { ...HTML_TEXT, '"': '&quot;', "'": '&#39;' };
// An XML parser turns a raw tab or line break inside an attribute into a space; references keep them.
const XML_ATTRIBUTE: Record<string, string> = { ...ATTRIBUTE, '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Plain text as HTML character data (between tags, not inside `<script>` or `<style>`). */
export function escapeHtmlText(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (c) => HTML_TEXT[c]!);
}

/** Plain text as a double- or single-quoted HTML attribute value. */
export function escapeHtmlAttribute(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ATTRIBUTE[c]!);
}

/** Plain text as XML character data: `]]>` and every markup character come out as references. */
export function escapeXmlText(text: string): string {
  // `\r` too: a parser would read a raw one as a line break and drop it.
  return cleanText(text).replace(/[&<>\r]/g, (c) => (c === '\r' ? '&#13;' : HTML_TEXT[c]!));
}

/** Plain text as a quoted XML attribute value. */
export function escapeXmlAttribute(text: string): string {
  return cleanText(text).replace(/[&<>"'\t\n\r]/g, (c) => XML_ATTRIBUTE[c]!);
}

// Inside <script> a `</script` or `<!--` would end or change the element; U+2028 and U+2029 end a
// line in JavaScript before ES2019. Their JSON escapes mean the same characters.
const SCRIPT_UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** A value as JSON that is safe as the whole content of a `<script>` element (JSON-LD); its strings cleaned like text. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? cleanText(v) : v)) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);
}

// RFC 3986 `pchar` and `/`: what a path may hold as it is. `%` only as the start of a valid escape.
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const encoder = new TextEncoder();

/**
 * A site path percent-encoded exactly once: escapes already written (`%20`) stay, every other
 * character outside RFC 3986's path characters is encoded as UTF-8 (`/old/نشانی` →
 * `/old/%D9%86…`; a `%` that starts no escape → `%25`; `?` and `#` too, so a path stays a path).
 */
export function encodeUrlPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i += 1) {
    const char = path[i]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      out += path.slice(i, i + 3);
      i += 2;
    } else if (PATH_SAFE.test(char)) out += char;
    else {
      // A whole surrogate pair is one character; a lone surrogate is encoded as U+FFFD.
      const code = path.codePointAt(i)!;
      const whole = code > 0xffff ? path.slice(i, i + 2) : char;
      if (code > 0xffff) i += 1;
      for (const byte of encoder.encode(whole)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}
