import { parseYaml, type ValuePlace } from '../config/index.ts';
import type { FileFix, TextEdit } from '../diagnostics/index.ts';
import type { FrontMatter } from '../parse/index.ts';
import { toPersianLetters } from '../persian/index.ts';
import type { ValueSpot } from './article.ts';

type Range = ValuePlace | NonNullable<ValuePlace['items']>[number];

function styleAt(yaml: string, start: number): ValueSpot['style'] {
  const first = yaml[start];
  if (first === "'") return 'single';
  if (first === '"') return 'double';
  if (first === '|' || first === '>') return 'block';
  return 'plain';
}

/** The spot of a top-level value (`place`) or of one of its list items, in file offsets. */
export function spotOf(frontMatter: FrontMatter, range: Range, flow = false): ValueSpot {
  const { offset, yaml = '' } = frontMatter;
  const { line, column } = 'key' in range ? range.value : range;
  return { line, column, start: offset + range.start, end: offset + range.end, style: styleAt(yaml, range.start), flow };
}

/** The spots of a list's items (empty when the value is not a list). */
export function itemSpots(frontMatter: FrontMatter, place: ValuePlace | undefined): ValueSpot[] {
  return (place?.items ?? []).map((item) => spotOf(frontMatter, item, place?.flow ?? false));
}

/**
 * Text that front matter's YAML reads back as itself when written plain, also inside `[…]`: letters and
 * digits first and last, and between them only spaces, ZWNJ, `.`, `_`, `-`, `/` and `:` not
 * followed by a space. Canonical dates and most names are like this; YAML is asked about the rest.
 */
const CLEARLY_PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}\u200c\u200d ._\-/]|:(?! ))*(?<![ :])$/u;

// Whether `text` reads back as itself when written plain in this context.
function plainSafe(text: string, flow: boolean): boolean {
  if (text === '' || /[\r\n]/.test(text)) return false;
  if (CLEARLY_PLAIN.test(text)) return true;
  const parsed = parseYaml(flow ? `k: [${text}]` : `k: ${text}`, 'failsafe');
  const value = (parsed.value as { k?: unknown } | undefined)?.k;
  return flow ? Array.isArray(value) && value.length === 1 && value[0] === text : value === text;
}

/**
 * The edit that writes `text` in place of a value, keeping how it was quoted; a plain value is
 * quoted only if YAML needs it. Undefined for a block scalar (`|`, `>`), which is never rewritten.
 */
export function replaceValue(spot: ValueSpot, text: string): TextEdit | undefined {
  let written: string;
  if (spot.style === 'block') return undefined;
  if (spot.style === 'single') written = `'${text.replace(/'/g, "''")}'`;
  else if (spot.style === 'double' || !plainSafe(text, spot.flow)) written = JSON.stringify(text);
  else written = text;
  return { start: spot.start, end: spot.end, text: written };
}

/** A fix replacing a value, for `check --fix`; undefined when the value cannot be rewritten safely. */
export function valueFix(file: string, spot: ValueSpot, text: string): FileFix | undefined {
  const edit = replaceValue(spot, text);
  return edit && { file, line: spot.line, column: spot.column, edit };
}

/**
 * The fix turning Arabic ي, ى and ك into Persian ی and ک inside one value: one edit from the
 * first such letter to the last, in which only those letters change (quotes, escapes and
 * everything else stay as written). Undefined when the value has none.
 */
export function persianLetterFix(file: string, frontMatter: FrontMatter, spot: ValueSpot): FileFix | undefined {
  const { offset, yaml = '' } = frontMatter;
  const written = yaml.slice(spot.start - offset, spot.end - offset);
  const first = written.search(/[\u064a\u0649\u0643]/);
  if (first === -1) return undefined;
  const last = Math.max(written.lastIndexOf('\u064a'), written.lastIndexOf('\u0649'), written.lastIndexOf('\u0643')) + 1;
  const edit = { start: spot.start + first, end: spot.start + last, text: toPersianLetters(written.slice(first, last)) };
  return { file, line: spot.line, column: spot.column, edit };
}
