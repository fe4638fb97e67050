import matter from 'gray-matter';
import { VFile } from 'vfile';
import { parseYaml, type ValuePlace } from '../config/index.ts';
import { fromVFile, report, type Diagnostic } from '../diagnostics/index.ts';
import { decodeUtf8, findInvalidByte } from './decode.ts';

/** Largest article file accepted, in bytes (a bigger one is almost always a pasted dump). */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** Front matter as written: every scalar a string, with the place of every key. */
export interface FrontMatter {
  data: Record<string, unknown>;
  places: Record<string, ValuePlace>;
  /** Offset of the YAML text in the decoded file text (for `check --fix`). */
  offset: number;
}

/** A source file split into front matter and Markdown body. */
export interface SplitSource {
  frontMatter?: FrontMatter;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const openingFence = /^---[ \t]*\r?\n/;
const closingFence = /\r?\n---[ \t]*(?:\r?\n|$)/;

function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/**
 * Decode a Markdown source (strict UTF-8; a BOM and CRLF are accepted) and split its front
 * matter with gray-matter, parsing the YAML so that values stay the strings that were written.
 */
export function splitSource(path: string, bytes: Uint8Array): SplitSource {
  const file = new VFile({ path });
  const done = (extra: Partial<SplitSource> = {}): SplitSource => ({ body: '', bodyLine: 1, ...extra, diagnostics: fromVFile(file) });
  if (bytes.length > MAX_ARTICLE_BYTES) {
    report(file, `Unexpected file of ${bytes.length} bytes, expected at most ${MAX_ARTICLE_BYTES} bytes`, {
      ruleId: 'file-too-large',
      note: 'An article this large is usually a pasted dump or a binary file; split it or move it out of `content/`.',
    });
    return done();
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const bad = findInvalidByte(bytes);
    report(file, `Unexpected byte \`0x${bad.byte.toString(16).padStart(2, '0')}\` at offset ${bad.offset}, expected UTF-8 text`, {
      ruleId: 'encoding',
      place: bad,
      note: 'Save the file as UTF-8 (most editors: “Save with encoding” → UTF-8); Windows-1256 is a common culprit.',
    });
    return done();
  }
  if (text.trim() === '') {
    report(file, 'Unexpected empty file, expected front matter and an article body', {
      ruleId: 'empty-file',
      note: 'Write the article, or delete the file.',
    });
    return done();
  }
  if (!openingFence.test(text)) {
    report(file, 'Unexpected start of file, expected front matter opened by a `---` line', {
      ruleId: 'front-matter-missing',
      note: 'Begin the file with `---`, then `title:`, `shenaseh:`, `date:` and `service:` lines, then `---`.',
    });
    return done({ body: text });
  }
  const close = closingFence.exec(text.slice(3));
  if (!close) {
    report(file, 'Unexpected end of file, expected a `---` line that closes the front matter', {
      ruleId: 'front-matter-unclosed',
      note: 'Add a line with only `---` between the front matter and the article body.',
    });
    return done();
  }
  let parsed: ReturnType<typeof parseYaml> | undefined;
  // Passing options also keeps gray-matter from caching every file it has seen.
  const split = matter(text, {
    engines: {
      yaml: (yaml: string) => {
        parsed = parseYaml(yaml, 'failsafe');
        return (parsed.value ?? {}) as object;
      },
    },
  });
  const bodyOffset = text.length - split.content.length;
  const bodyLine = countLines(text, bodyOffset);
  // gray-matter does not call the engine for a block of only blanks and comments.
  const problems = parsed?.problems ?? [];
  for (const problem of problems) {
    report(file, `Unexpected YAML syntax: ${problem.message}`, {
      ruleId: 'yaml-syntax',
      place: problem,
      note: 'Front matter is YAML: one `key: value` per line; quote a value that contains `: ` or starts with `[`, `{`, `*`, `&` or `#`.',
    });
  }
  if (problems.length > 0) return done({ body: split.content, bodyLine });
  const data: unknown = parsed ? split.data : {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report(file, 'Unexpected front matter, expected `key: value` lines', { ruleId: 'yaml-syntax', place: { line: 2, column: 1 } });
    return done({ body: split.content, bodyLine });
  }
  const frontMatter = { data: data as Record<string, unknown>, places: parsed?.places ?? {}, offset: 3 };
  return done({ frontMatter, body: split.content, bodyLine });
}
