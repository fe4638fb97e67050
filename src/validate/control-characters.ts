import type { VFile } from 'vfile';
import { report, type Point } from '../diagnostics/index.ts';
import type { FrontMatter, MarkdownFacts } from '../parse/index.ts';
import { codePointName, findInvalidCharacters } from '../persian/index.ts';

/** Warnings of this rule per file: the first ones show what to fix; a pasted binary would give thousands. */
export const MAX_CHARACTER_WARNINGS = 10;

/** A bad character found in a file, where it was written and how (an escape such as `\x01` in a quoted value, or the character itself). */
interface Found extends Point {
  code: number;
  escape?: string;
}

// Every escape of a double-quoted YAML scalar, `\\` included so that `\\x01` is not read as one.
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g;
const SINGLE: Record<string, number> = { '0': 0, a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, e: 27, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029 };

function escapedCode(m: RegExpExecArray): number | undefined {
  const hex = m[1] ?? m[2] ?? m[3];
  if (hex !== undefined) return Number.parseInt(hex, 16);
  return SINGLE[m[4]!];
}

// The bad characters the escapes of one double-quoted value stand for. A high and a low surrogate
// written as two escapes side by side (`\uD83D\uDE00`) are one character.
function escapedCharacters(raw: string): Array<{ index: number; code: number; escape: string }> {
  const escapes = [...raw.matchAll(ESCAPE)].flatMap((m) => {
    const code = escapedCode(m);
    return code === undefined || code > 0x10ffff ? [] : [{ index: m.index, code, escape: m[0] }];
  });
  const bad: Array<{ index: number; code: number; escape: string }> = [];
  for (let i = 0; i < escapes.length; i += 1) {
    const e = escapes[i]!;
    const next = escapes[i + 1];
    const paired = e.code >= 0xd800 && e.code <= 0xdbff && next && next.index === e.index + e.escape.length && next.code >= 0xdc00 && next.code <= 0xdfff;
    const text = paired ? String.fromCharCode(e.code, next.code) : String.fromCodePoint(e.code);
    if (findInvalidCharacters(text).length > 0) bad.push(paired ? { ...e, code: text.codePointAt(0)!, escape: e.escape + next.escape } : e);
    if (paired) i += 1;
  }
  return bad;
}

function yamlPoint(frontMatter: FrontMatter, index: number): Point {
  const before = frontMatter.yaml.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  // The YAML text starts after the opening `---` of line 1.
  return { line, column: index - lineStart + 1 + (line === 1 ? frontMatter.offset : 0) };
}

function frontMatterCharacters(frontMatter: FrontMatter): Found[] {
  const { yaml } = frontMatter;
  const found: Found[] = findInvalidCharacters(yaml).map(({ index, code }) => ({ code, ...yamlPoint(frontMatter, index) }));
  for (const place of Object.values(frontMatter.places)) {
    for (const range of [place, ...(place.items ?? [])]) {
      if (yaml[range.start] !== '"') continue;
      for (const e of escapedCharacters(yaml.slice(range.start, range.end))) {
        found.push({ code: e.code, escape: e.escape, ...yamlPoint(frontMatter, range.start + e.index) });
      }
    }
  }
  return found;
}

function kindOf(code: number): string {
  if (code >= 0xd800 && code <= 0xdfff) return 'lone surrogate';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control character';
  return 'noncharacter';
}

/**
 * Warn at each character that no page or feed may carry (C0 and C1 controls but tab and line
 * ends, U+FFFE and U+FFFF and the other noncharacters, half a surrogate pair), written as itself
 * in the front matter or body, or as an escape in a double-quoted value. The build removes them.
 */
export function checkControlCharacters(file: VFile, frontMatter: FrontMatter, facts: MarkdownFacts): void {
  const found: Found[] = [...frontMatterCharacters(frontMatter), ...(facts.invalidCharacters ?? [])];
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  const shown = found.slice(0, MAX_CHARACTER_WARNINGS);
  shown.forEach((f, i) => {
    const name = codePointName(f.code);
    const written = f.escape ? `\`${f.escape}\` (${kindOf(f.code)} ${name})` : `${kindOf(f.code)} ${name}`;
    const more = i === shown.length - 1 && found.length > shown.length ? ` ${found.length - shown.length} more in this file are not listed.` : '';
    const fix = f.escape
      ? f.code >= 0xd800 && f.code <= 0xdfff
        ? 'Write the character itself, or both halves of its pair side by side (`\\uD83D\\uDE00` is one emoji).'
        : 'Delete the escape from the quoted value.'
      : 'Delete it: it is invisible in most editors and usually comes with text pasted from a PDF or a word processor.';
    report(file, `Unexpected ${written}, expected text that pages and feeds can carry`, {
      ruleId: 'control-character',
      place: f,
      note: `It is removed from the built site. ${fix}${more}`,
    });
  });
}
