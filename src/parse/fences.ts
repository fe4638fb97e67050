import type { Point } from '../diagnostics/index.ts';

/** Where the front matter of a file is, or why there is none. */
export type Fences =
  | { kind: 'missing'; firstLine: string }
  | { kind: 'unclosed'; nearMiss?: Point & { text: string } }
  | {
      kind: 'closed';
      /** The YAML text: from just after the opening `---` to the start of the closing line, so that its lines are the file's lines. */
      yaml: string;
      /** Offset of `yaml` in the file text. */
      offset: number;
      /** 1-based line of the closing `---`. */
      closeLine: number;
      /** Offset of the body: the line after the closing `---`. */
      bodyOffset: number;
    };

const FENCE = /^---[ \t]*$/;
// Lines an editor may have meant as the closing fence: `--`, `----`, an em dash typed by autocorrect.
const NEAR_MISS = /^(?:-{2}|-{4,}|[—–]{1,3}|- - -)[ \t]*$/;

/**
 * Find the front-matter fences: a first line of exactly `---` (trailing blanks allowed) and the
 * next such line. Line ends may be LF or CRLF.
 */
export function findFences(text: string): Fences {
  let start = 0;
  let line = 1;
  let nearMiss: (Point & { text: string }) | undefined;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end).replace(/\r$/, '');
    if (line === 1 && !FENCE.test(content)) return { kind: 'missing', firstLine: content };
    if (line > 1 && FENCE.test(content)) {
      return { kind: 'closed', yaml: text.slice(3, start), offset: 3, closeLine: line, bodyOffset: newline === -1 ? text.length : newline + 1 };
    }
    if (line > 1 && !nearMiss && NEAR_MISS.test(content)) nearMiss = { text: content, line, column: 1 };
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  return nearMiss ? { kind: 'unclosed', nearMiss } : { kind: 'unclosed' };
}
