import type { Diagnostic } from './diagnostic.ts';
import { sortDiagnostics } from './diagnostic.ts';

/** Output formats of `check` and of a failed `build`. */
export type DiagnosticFormat = 'text' | 'github' | 'json';

const ansi = { red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

// Control characters (a terminal's escape sequences among them), line breaks and bidi overrides
// in content, file names or a forged cache record must not restyle the terminal or forge lines.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text as a terminal may show it: control characters and bidi overrides as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function location(d: { file: string; line: number; column: number }): string {
  return `${printable(d.file)}:${d.line}:${d.column}`;
}

/** `path:line:col: severity: message [rule-id]`, grouped by file, with notes and second places. */
export function formatText(list: readonly Diagnostic[], options: { color?: boolean } = {}): string {
  const paint = (code: keyof typeof ansi, text: string) => (options.color ? ansi[code] + text + ansi.reset : text);
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of sortDiagnostics([...list])) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push('');
    previousFile = d.file;
    const severity = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    lines.push(`${paint('bold', location(d))}: ${severity}: ${printable(d.message)} ${paint('dim', `[${printable(d.ruleId)}]`)}`);
    const fixable = d.fix ? ' (`bayegan check --fix` does this)' : '';
    if (d.note || fixable) lines.push(`  ${paint('dim', 'fix:')} ${printable(d.note ?? '')}${fixable}`.trimEnd());
    if (d.related) lines.push(`  ${paint('dim', 'see:')} ${location(d.related)}: ${printable(d.related.message)}`);
  }
  return lines.join('\n');
}

/** One-line count of errors and warnings, e.g. `2 errors, 1 warning`. */
export function formatSummary(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

// GitHub's workflow commands need `%`, CR and LF escaped in the message, and `,` `:` in properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: `::error file=…,line=…,col=…,title=…::message`. */
export function formatGithub(list: readonly Diagnostic[]): string {
  return sortDiagnostics([...list])
    .map((d) => {
      const text = [d.message, d.note && `Fix: ${d.note}`, d.related && `See ${location(d.related)}: ${d.related.message}`]
        .filter(Boolean)
        .join('\n');
      const properties = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`;
      return `::${d.severity} ${properties}::${escapeData(text)}`;
    })
    .join('\n');
}

/** One JSON object per line, one per diagnostic. */
export function formatJson(list: readonly Diagnostic[]): string {
  return sortDiagnostics([...list])
    .map((d) => JSON.stringify(d))
    .join('\n');
}

/** Format with the named format. */
export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticFormat, color = false): string {
  if (format === 'github') return formatGithub(list);
  if (format === 'json') return formatJson(list);
  return formatText(list, { color });
}
