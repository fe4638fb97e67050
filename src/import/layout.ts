/**
 * The pieces of the old pages' layout that a dump line is recognised as: blank lines, the
 * labelled lines (`• انتشار: …`) and the lines of the old comment widget.
 * Matching goes through the Persian layer, so lost ZWNJs, Arabic letters and any digits match.
 */
import { normalizeIdentity } from '../persian/index.ts';

/** Which labelled value a line holds. */
export type LabelKind = 'date' | 'service' | 'id';

/** How each label is written on the old pages, first the canonical spelling. */
export const LABELS: Record<LabelKind, readonly string[]> = {
  date: ['انتشار', 'تاریخ انتشار'],
  service: ['سرویس'],
  id: ['شناسه مطلب', 'شناسه خبر', 'شناسه', 'کد مطلب', 'کد خبر'],
};

const LABEL_BY_KEY = new Map<string, LabelKind>(
  (Object.entries(LABELS) as Array<[LabelKind, readonly string[]]>).flatMap(([kind, names]) =>
    names.map((name) => [normalizeIdentity(name), kind] as const),
  ),
);

/**
 * A bullet as the dump tools write it: `•`, or any stand-in (`-`, `*`, `·`, `►` …), one or two
 * symbols that are not letters, digits, colons, opening quotes or brackets.
 */
const BULLET = String.raw`[^\p{L}\p{N}\p{Z}\s:：﹕«"'(\[]{1,2}`;
/** A bullet (optional), then the label, a colon, the value. */
const LABEL_LINE = new RegExp(String.raw`^\s*(?:${BULLET}\s*)?([^:：﹕]*?)\s*[:：﹕]\s*(.*)$`, 'u');
/** A line that starts with a bullet and a space: an item of the labels list. */
const BULLETED = new RegExp(String.raw`^${BULLET}\s`, 'u');
/** A bullet at the start of a text, with the space after it. */
const LEADING_BULLET = new RegExp(String.raw`^${BULLET}\s+`, 'u');
/** Whitespace (no-break spaces included) and invisible characters: a line of only these is blank. */
const BLANK = /^[\s\u200b-\u200f\u2060\ufeff]*$/u;

/** A recognised labelled line: its kind, its value and where the value starts in the line. */
export interface LabelLine {
  kind: LabelKind;
  value: string;
  /** Offset of the value in the line's text (UTF-16 units, as editors and vfile count columns). */
  offset: number;
}

/** True for a line that shows nothing: empty, spaces, no-break spaces, zero-width characters. */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** True for a line that starts with a bullet (known label or not). */
export function isBulleted(text: string): boolean {
  return BULLETED.test(text.trim());
}

/** The text of a list item without the bullet its page may have written into it (`<li>• انتشار: …</li>`). */
export function withoutBullet(text: string): string {
  return text.replace(LEADING_BULLET, '');
}

/** Recognise a labelled line, with or without its bullet; undefined for any other line. */
export function readLabel(text: string): LabelLine | undefined {
  const match = LABEL_LINE.exec(text);
  const kind = match ? LABEL_BY_KEY.get(normalizeIdentity(match[1] ?? '')) : undefined;
  if (!match || kind === undefined) return undefined;
  const value = match[2]!.trim();
  return { kind, value, offset: value === '' ? text.length : text.lastIndexOf(value) };
}

/** `نظرات(3 دیدگاه)` and `نظر شما چیست؟` once spaces, ZWNJs, digits and letter variants are folded. */
const WIDGET = [/^نظرات[(（]\d*(?:دیدگاه|نظر)?[)）]$/u, /^نظرشماچیست[؟?]?$/u];

/** True for a line of the old page's comment widget (any digits, with or without spaces). */
export function isWidgetLine(text: string): boolean {
  const key = normalizeIdentity(text);
  return WIDGET.some((pattern) => pattern.test(key));
}
