/**
 * The layout parser: the lines of one dump (text, or HTML turned into lines) → one article,
 * or the first place where the dump leaves the layout, with what was expected there.
 *
 * ```
 * <headline>
 *
 *   • انتشار: <day> <month name> <year>
 *   • سرویس: <service name>
 *   • شناسه مطلب: <number>
 * <optional one-line image caption>
 *
 * <lead paragraph>
 *
 * <body paragraph> …
 *
 * نظرات(<count> دیدگاه)
 *
 * نظر شما چیست؟
 * ```
 *
 * Liberal where the dump tools vary: any bullet or none, label lines in any order, blank lines
 * made of no-break spaces, several blank lines in a row. Strict where it matters: every label
 * is there once, the date is a real Jalali date, the article has text, and only the comment
 * widget's lines at the very end are dropped.
 */
import type { Point } from '../diagnostics/index.ts';
import { isBlank, isBulleted, isWidgetLine, readLabel, type LabelKind, type LabelLine } from './layout.ts';
import type { DumpArticle, DumpLine, ImportProblem, Outcome } from './types.ts';
import { readDate, readId, readService } from './read-values.ts';

/** How a missing label line is reported. */
const MISSING: Record<LabelKind, { ruleId: string; expected: string }> = {
  date: { ruleId: 'import-layout', expected: '`• انتشار: <day> <month name> <year>`' },
  service: { ruleId: 'import-layout', expected: '`• سرویس: <service name>`' },
  id: { ruleId: 'import-no-id', expected: '`• شناسه مطلب: <number>`' },
};
const LABEL_LINES = `${MISSING.date.expected}, ${MISSING.service.expected} and ${MISSING.id.expected}`;

type Found = Partial<Record<LabelKind, { label: LabelLine; line: DumpLine }>>;

/** The place of a column `offset` into line `index`, or of the end of the file. */
export function placeOf(lines: readonly DumpLine[], index: number, offset = 0): Point {
  const line = lines[Math.min(index, lines.length - 1)];
  if (!line) return { line: 1, column: 1 };
  if (index >= lines.length) return { line: line.line + (line.synthetic ? 0 : 1), column: 1 };
  return { line: line.line, column: line.column + (line.synthetic ? 0 : offset) };
}

/** How a line is named in a message: its text (shortened), `blank line` or `end of file`. */
function shown(line: DumpLine | undefined): string {
  if (!line) return 'end of file';
  if (isBlank(line.text)) return 'blank line';
  const text = line.text.trim();
  return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}

function fail<T>(lines: readonly DumpLine[], at: number, ruleId: string, expected: string, note: string): Outcome<T> {
  // A blank line made from markup is only the gap between two elements: name the element after it.
  const index = lines[at]?.synthetic && isBlank(lines[at].text) && at + 1 < lines.length ? at + 1 : at;
  const problem: ImportProblem = { ruleId, message: `Unexpected ${shown(lines[index])}, expected ${expected}`, note, ...placeOf(lines, index) };
  return { ok: false, problem };
}

function skipBlank(lines: readonly DumpLine[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]!.text)) i += 1;
  return i;
}

/** The paragraphs of the article part: blocks between blank lines, each line trimmed, the trailing comment widget dropped. */
function paragraphs(lines: readonly DumpLine[]): string[] {
  let end = lines.length;
  while (end > 0 && (isBlank(lines[end - 1]!.text) || isWidgetLine(lines[end - 1]!.text))) end -= 1;
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines.slice(0, end)) {
    if (isBlank(line.text)) current = undefined;
    else if (current) current.push(line.text.trim());
    else blocks.push((current = [line.text.trim()]));
  }
  return blocks.map((block) => block.join('\n'));
}

/** Parse the lines of one dump into an article, or say where and why the dump leaves the layout. */
export function parseDump(lines: readonly DumpLine[]): Outcome<DumpArticle> {
  const n = lines.length;
  let i = skipBlank(lines, 0);
  if (i === n || readLabel(lines[i]!.text)) {
    return fail(lines, i, 'import-layout', 'the headline', 'A dump starts with the article’s headline on its own line, then a blank line, then the labelled lines.');
  }
  const headline: string[] = [];
  for (; i < n && !isBlank(lines[i]!.text) && !readLabel(lines[i]!.text); i++) headline.push(lines[i]!.text.trim());

  const found: Found = {};
  let last = -1;
  for (i = skipBlank(lines, i); i < n; i++) {
    const line = lines[i]!;
    if (isBlank(line.text)) {
      const next = skipBlank(lines, i);
      if (next < n && readLabel(lines[next]!.text)) {
        i = next - 1;
        continue;
      }
      break;
    }
    const label = readLabel(line.text);
    if (label && found[label.kind]) {
      return fail(lines, i, 'import-layout', `one ${MISSING[label.kind].expected} line`, 'Each label appears once; remove the second line, or fix its label.');
    }
    if (label) {
      found[label.kind] = { label, line };
      last = i;
    } else if (last === -1 || isBulleted(line.text)) {
      return fail(lines, i, 'import-layout', `the labelled lines ${LABEL_LINES}`, 'After the headline and a blank line come the old page’s labelled lines, one label each.');
    } else break;
  }
  for (const kind of ['date', 'service', 'id'] as const) {
    if (!found[kind]) {
      const { ruleId, expected } = MISSING[kind];
      return fail(lines, last === -1 ? i : last + 1, ruleId, `a ${expected} line`, `Every dump needs ${LABEL_LINES}; add the missing line from the old page.`);
    }
  }

  let caption: string | undefined;
  if (i === last + 1 && i < n && !isBlank(lines[i]!.text)) caption = lines[i++]!.text.trim();
  const text = paragraphs(lines.slice(i));
  if (text.length === 0) {
    return fail(lines, skipBlank(lines, i), 'import-empty-body', 'the lead paragraph', 'The dump has no article text after the labelled lines (the comment widget is not article text); check that the dump is complete.');
  }

  const place = (kind: LabelKind) => placeOf(lines, lines.indexOf(found[kind]!.line), found[kind]!.label.offset);
  const date = readDate(found.date!.label.value, place('date'));
  if (!date.ok) return date;
  const service = readService(found.service!.label.value, place('service'));
  if (!service.ok) return service;
  const shenaseh = readId(found.id!.label.value, place('id'));
  if (!shenaseh.ok) return shenaseh;
  const [lead, ...body] = text as [string, ...string[]];
  return {
    ok: true,
    value: { title: headline.join(' '), date: date.value, service: service.value, shenaseh: shenaseh.value, ...(caption && { caption }), lead, body },
  };
}
