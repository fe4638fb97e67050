import { VFile } from 'vfile';
import { parseYaml, type ValuePlace } from '../config/index.ts';
import { fromVFile, quote, report, type Diagnostic, type Point } from '../diagnostics/index.ts';
import { decodeUtf8, findInvalidByte } from './decode.ts';
import { findFences } from './fences.ts';
import { explainYamlProblem } from './yaml-problem.ts';

/** Largest article file accepted, in bytes (a bigger one is almost always a pasted dump). */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** Front matter as written: every scalar a string, with the place of every key. */
export interface FrontMatter {
  data: Record<string, unknown>;
  places: Record<string, ValuePlace>;
  /** The YAML text as written (for `check --fix`). */
  yaml: string;
  /** Offset of the YAML text in the decoded file text (for `check --fix`); YAML lines are file lines. */
  offset: number;
  /** 1-based line of the closing `---`: where a missing key is reported. */
  closeLine: number;
  /** The YAML could not be read (a `yaml-syntax` error is reported): only the body is checked. */
  broken?: boolean;
}

/** A source file split into front matter and Markdown body. */
export interface SplitSource {
  frontMatter?: FrontMatter;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

// A line of prose after a blank line, where YAML failed: the article body, reached because the
// front matter was never closed.
function bodyInFrontMatter(yaml: string, line: number): (Point & { text: string }) | undefined {
  const lines = yaml.split('\n').map((l) => l.replace(/\r$/, ''));
  const text = lines[line - 1];
  if (text === undefined || line < 3 || lines[line - 2]!.trim() !== '') return undefined;
  if (/^\s|^[-#?&*!|>%@`'"[{]|:(\s|$)/.test(text) || text === '') return undefined;
  return { text, line, column: 1 };
}

/**
 * Decode a Markdown source (strict UTF-8; a BOM and CRLF are accepted) and split its front
 * matter, parsing the YAML so that values stay the strings that were written. Reports at most
 * one problem of the file itself: the first one makes the rest meaningless. `size` is the
 * file's size when `bytes` is only its start (a file too large to read whole).
 */
export function splitSource(path: string, bytes: Uint8Array, size = bytes.length): SplitSource {
  const file = new VFile({ path });
  const done = (extra: Partial<SplitSource> = {}): SplitSource => ({ body: '', bodyLine: 1, ...extra, diagnostics: fromVFile(file) });
  if (size > MAX_ARTICLE_BYTES || bytes.length > MAX_ARTICLE_BYTES) {
    report(file, `Unexpected file of ${Math.max(size, bytes.length)} bytes, expected at most ${MAX_ARTICLE_BYTES} bytes (1 MiB)`, {
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
    report(file, 'Unexpected empty file, expected front matter and an article body', { ruleId: 'empty-file', note: 'Write the article, or delete the file.' });
    return done();
  }
  const fences = findFences(text);
  if (fences.kind === 'missing') {
    report(file, `Unexpected ${quote(fences.firstLine)} at the start of the file, expected front matter opened by a \`---\` line`, {
      ruleId: 'front-matter-missing',
      note: 'Begin the file with `---`, then `title:`, `shenaseh:`, `date:` and `service:` lines, then `---`.',
    });
    return done({ body: text });
  }
  if (fences.kind === 'unclosed') {
    const near = fences.nearMiss;
    report(
      file,
      near ? `Unexpected ${quote(near.text)}, expected a \`---\` line that closes the front matter` : 'Unexpected end of file, expected a `---` line that closes the front matter opened here',
      { ruleId: 'front-matter-unclosed', place: near ?? { line: 1, column: 1 }, note: 'Add a line with exactly `---` between the front matter and the article body.' },
    );
    return done();
  }
  const { yaml, offset, closeLine, bodyOffset } = fences;
  const split = { body: text.slice(bodyOffset), bodyLine: closeLine + 1 };
  const parsed = parseYaml(yaml, 'failsafe');
  const broken: FrontMatter = { data: {}, places: parsed.places, yaml, offset, closeLine, broken: true };
  // The first YAML problem only: the others are usually the same mistake seen from further on.
  const problem = parsed.problems[0];
  const body = problem && bodyInFrontMatter(yaml, problem.line);
  if (body) {
    // The closing `---` is missing and a `---` in the body closed the front matter instead.
    report(file, `Unexpected ${quote(body.text)} in the front matter, expected a \`---\` line that closes it before the article body`, {
      ruleId: 'front-matter-unclosed',
      place: body,
      note: 'Add a line with exactly `---` between the front matter and the article body.',
    });
    return done();
  }
  if (problem) {
    const { message, note, place } = explainYamlProblem(problem, yaml);
    report(file, message, { ruleId: 'yaml-syntax', place, note });
    return done({ ...split, frontMatter: broken });
  }
  const data = parsed.value ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(file, `Unexpected ${Array.isArray(data) ? 'list' : quote(data)} as front matter, expected \`key: value\` lines`, {
      ruleId: 'yaml-syntax',
      place: { line: 2, column: 1 },
      note: 'Front matter is `key: value` lines, such as `title: …` and `shenaseh: …`.',
    });
    return done({ ...split, frontMatter: broken });
  }
  return done({ ...split, frontMatter: { data: data as Record<string, unknown>, places: parsed.places, yaml, offset, closeLine } });
}
