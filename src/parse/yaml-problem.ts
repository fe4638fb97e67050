import type { YamlProblem } from '../config/index.ts';
import { quote, type Point } from '../diagnostics/index.ts';

/** A YAML syntax problem said the way an editor can act on it. */
export interface ExplainedProblem {
  message: string;
  note: string;
  place: Point;
}

const GENERAL_NOTE = 'Front matter is YAML: one `key: value` per line; quote a value that contains `: ` or starts with `[`, `{`, `*`, `&`, `@` or `#`.';

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '').trim();
}

/** The yaml package's problem codes in our words: what was unexpected, what was expected, how to fix it. */
function explain(problem: YamlProblem, yaml: string): Omit<ExplainedProblem, 'place'> {
  const line = lineAt(yaml, problem.offset);
  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*([^:]*?)\s*:/.exec(yaml.slice(problem.offset))?.[1] ?? line;
      return { message: `Unexpected second ${quote(key)} key, expected each key once`, note: `Keep one \`${key}:\` line and delete the other.` };
    }
    case 'MISSING_CHAR':
      if (/quote/.test(problem.message)) {
        const mark = problem.message.includes("'") ? "'" : '"';
        return { message: `Unexpected end of a quoted value, expected a closing \`${mark}\``, note: `Close the quote on the line where it opens: \`title: ${mark}…${mark}\`.` };
      }
      return { message: `Unexpected line ${quote(line)}, expected \`key: value\``, note: 'Write each line as `key: value`, with a space after the colon.' };
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(problem.message)) {
        const [open, close] = /sequence/.test(problem.message) ? ['[', ']'] : ['{', '}'];
        return { message: `Unexpected end of a \`${open}\` list, expected a closing \`${close}\``, note: 'Close the list on the line where it opens: `tags: [انرژی, تهران]`.' };
      }
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: `Unexpected line ${quote(line)}, expected \`key: value\``, note: 'Write each line as `key: value`, with a space after the colon; indent only the items of a list.' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: `Unexpected \`: \` inside the value of ${quote(line)}, expected the value quoted`, note: 'Quote a value that contains `: `, for example `title: "گزارش: …"`; indent only the items of a list.' };
    case 'TAB_AS_INDENT':
      return { message: 'Unexpected tab, expected spaces for indentation', note: 'Indent with spaces; YAML does not allow tabs there.' };
    case 'BAD_SCALAR_START': {
      const mark = /character (.)/.exec(problem.message)?.[1] ?? line[0] ?? '';
      return { message: `Unexpected \`${mark}\` at the start of a value, expected the value quoted`, note: `A value that starts with \`${mark}\` must be quoted: \`title: "${mark}…"\`.` };
    }
    case 'UNEXPECTED_TOKEN':
      return { message: `Unexpected text after the value in ${quote(line)}, expected the end of the line`, note: 'Quote the whole value; inside `\'…\'` write a quote mark as `\'\'`, or use `"…"`.' };
    case 'UNRESOLVED_ALIAS': {
      const name = /: (.*)$/.exec(problem.message)?.[1] ?? '';
      return { message: `Unexpected alias ${quote(`*${name}`)}, expected an anchor ${quote(`&${name}`)} set before it`, note: 'In YAML `*name` repeats a value marked `&name` above it; quote a value that starts with `*` or `&`.' };
    }
    case 'RESOURCE_EXHAUSTION':
      return { message: 'Unexpected YAML nested too deeply or with too many aliases, expected plain `key: value` lines', note: GENERAL_NOTE };
  }
  return { message: `Unexpected YAML syntax in ${quote(line)}: ${problem.message}`, note: GENERAL_NOTE };
}

// `title: x` followed by an indented `  shenaseh: 1`: YAML reads one long key and complains at
// `x`, but the mistake is the indentation of the next line.
function indentedLine(problem: YamlProblem, yaml: string): ExplainedProblem | undefined {
  if (problem.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const end = yaml.indexOf('\n', problem.offset);
  if (end === -1 || /:(\s|$)/.test(yaml.slice(problem.offset, end))) return undefined;
  const next = yaml.slice(end + 1).split('\n')[0]!.replace(/\r$/, '');
  const indent = /^[ \t]+(?=\S)/.exec(next)?.[0].length;
  if (indent === undefined) return undefined;
  return {
    message: `Unexpected indentation of ${quote(next.trim())}, expected the key at the start of its line`,
    note: 'Every key of the front matter starts at the beginning of its line; indent only the items of a list.',
    place: { line: problem.line + 1, column: indent + 1 },
  };
}

/** Explain a YAML problem; its place is where an unclosed quote or list was opened, else YAML's own place. */
export function explainYamlProblem(problem: YamlProblem, yaml: string): ExplainedProblem {
  return indentedLine(problem, yaml) ?? { ...explain(problem, yaml), place: problem.opened ?? { line: problem.line, column: problem.column } };
}
