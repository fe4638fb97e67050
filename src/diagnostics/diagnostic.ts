import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { isReportableRule, isRuleId, RULES, type RuleId } from './rules.ts';

/** How bad a problem is: errors stop `build` and fail `check`; warnings are reported only. */
export type Severity = 'error' | 'warning';

/** A place in a file, 1-based like editors show it. */
export interface Point {
  line: number;
  column: number;
}

/** Replace `[start, end)` of a file's text (as decoded: offsets after a BOM) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix that is not a problem (a spelling variant, a date in another accepted form); `check --fix` applies it. */
export interface FileFix extends Point {
  file: string;
  edit: TextEdit;
}

/** A second place that explains the first one (the other file of a duplicate). */
export interface RelatedPlace extends Point {
  file: string;
  message: string;
}

/**
 * One content problem as plain data: what every reporter prints and what crosses worker
 * threads. It is made from a vfile message (`fromMessage`), the unified way of reporting.
 */
export interface Diagnostic extends Point {
  file: string;
  ruleId: string;
  severity: Severity;
  /** "Unexpected `X`, expected `Y`". */
  message: string;
  /** How to fix it. */
  note?: string;
  /** A mechanical fix that `check --fix` may apply. */
  fix?: TextEdit;
  related?: RelatedPlace;
}

/** Options for {@link report}. */
export interface ReportOptions {
  /** A rule of {@link RULES} (or of a tool's own namespace, see `TOOL_RULE_PREFIXES`). */
  ruleId: RuleId | (string & {});
  /** Default: the rule's severity in {@link RULES}. */
  severity?: Severity;
  /** Default: the start of the file. */
  place?: Point | undefined;
  note?: string;
  fix?: Diagnostic['fix'];
  related?: RelatedPlace;
}

/** Report a content problem on `file` as a vfile message, with our rule id, severity and note. */
export function report(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  // A typo in a rule id would silently escape the README table and every CI filter.
  if (!isReportableRule(options.ruleId)) throw new Error(`Unregistered rule id \`${options.ruleId}\``);
  const cause = options.related
    ? Object.assign(
        new VFileMessage(options.related.message, {
          place: { line: options.related.line, column: options.related.column },
          ruleId: options.ruleId,
          source: 'bayegan',
        }),
        { file: options.related.file },
      )
    : undefined;
  // Only line and column: vfile would read a richer object with `start`/`end` as a range.
  const place = options.place ? { line: options.place.line, column: options.place.column } : { line: 1, column: 1 };
  const message = file.message(reason, {
    place,
    ruleId: options.ruleId,
    source: 'bayegan',
    cause,
  });
  const severity = options.severity ?? (isRuleId(options.ruleId) ? RULES[options.ruleId].severity : 'error');
  message.fatal = severity === 'error';
  if (options.note) message.note = options.note;
  if (options.fix) Object.assign(message, { fix: options.fix });
  return message;
}

/** Turn one vfile message into a plain {@link Diagnostic}. */
export function fromMessage(message: VFileMessage, fallbackFile: string): Diagnostic {
  const diagnostic: Diagnostic = {
    file: message.file || fallbackFile,
    line: message.line ?? 1,
    column: message.column ?? 1,
    ruleId: message.ruleId ?? 'internal',
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
  };
  if (message.note) diagnostic.note = message.note;
  const fix = (message as VFileMessage & { fix?: Diagnostic['fix'] }).fix;
  if (fix) diagnostic.fix = fix;
  if (message.cause instanceof VFileMessage) {
    diagnostic.related = {
      file: message.cause.file || fallbackFile,
      line: message.cause.line ?? 1,
      column: message.cause.column ?? 1,
      message: message.cause.reason,
    };
  }
  return diagnostic;
}

/** All messages of a vfile as diagnostics. */
export function fromVFile(file: VFile): Diagnostic[] {
  return file.messages.map((message) => fromMessage(message, file.path));
}

/** Stable order: by file, then position, then rule id. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Longest value shown in a message; a pasted paragraph or a binary line would drown the message. */
const MAX_SHOWN = 60;

/** A value as shown in a message: in backticks, on one line, cut to {@link MAX_SHOWN} characters with `…`. */
export function quote(value: unknown): string {
  const text = String(value).replace(/\r?\n|\r/g, '↵').replace(/\u0000/g, '␀');
  const chars = [...text];
  return `\`${chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text}\``;
}
