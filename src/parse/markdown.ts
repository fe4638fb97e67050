import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Point } from '../diagnostics/index.ts';
import { findInvalidCharacters } from '../persian/index.ts';
import { firstParagraph } from './first-paragraph.ts';
import { MAX_NESTING, nestsTooDeep } from './nesting.ts';

// Built once: the Markdown half of the pipeline (the HTML half lives in render/).
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** A URL written in the body, with its place in the file. */
export interface Reference extends Point {
  url: string;
}

/** What validation needs to know about a body, without rendering it. */
export interface MarkdownFacts {
  links: Reference[];
  images: Reference[];
  /** Plain text of the first paragraph (the default lead): no HTML source, white space collapsed. */
  firstParagraph: string;
  /** Characters no output may carry, where the body has them (the first {@link MAX_PLACES}). */
  invalidCharacters?: CharacterPlace[];
  /** The body has raw HTML, so rendering needs rehype-raw. */
  hasHtml: boolean;
  /** Why the body could not be read: it nests deeper than {@link MAX_NESTING} levels, or so deep that the parser ran out of stack. */
  problem?: string;
}

/** A character of the source, by code point, with its place in the file. */
export interface CharacterPlace extends Point {
  code: number;
}

/** How many places of bad characters a file's facts keep: enough to fix them, bounded for the cache. */
export const MAX_PLACES = 100;

// Trees that stand in for a body the parser could not read, with the reason.
const unreadable = new WeakMap<Root, string>();
// The text each tree was parsed from, for facts about characters that the tree does not keep.
const sources = new WeakMap<Root, string>();

/** The reason of a body nested too deeply. One wording, whichever limit it met first: the fixed one, or a thread's stack, which differs between threads. */
export const TOO_DEEP = `nested deeper than ${MAX_NESTING} levels`;

function reason(error: unknown): string {
  return error instanceof RangeError ? TOO_DEEP : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Parse a Markdown body (GFM) into mdast; never throws (an unreadable body gives an empty tree and a `problem` fact). */
export function parseMarkdown(body: string): Root {
  try {
    const tree = parser.parse(body);
    sources.set(tree, body);
    return tree;
  } catch (error) {
    const root: Root = { type: 'root', children: [] };
    unreadable.set(root, reason(error));
    sources.set(root, body);
    return root;
  }
}

const htmlUrl = /\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

// Places inside a node's raw value, asked for in increasing order (newlines are counted once, not
// once per place), so an `href` on the third line of a block of HTML is pointed at there.
function placesInside(start: Point, value: string): (index: number) => Point {
  let scanned = 0;
  let line = start.line;
  let lineStart = -1;
  return (index) => {
    for (let nl = value.indexOf('\n', scanned); nl !== -1 && nl < index; nl = value.indexOf('\n', nl + 1)) {
      line += 1;
      lineStart = nl + 1;
    }
    scanned = Math.max(scanned, index);
    return lineStart < 0 ? { line: start.line, column: start.column + index } : { line, column: index - lineStart + 1 };
  };
}

function gather(tree: Root, facts: MarkdownFacts, bodyLine: number): void {
  const at = (node: Nodes): Point => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const imageLabels = new Set<string>();
  visit(tree, 'imageReference', (node) => void imageLabels.add(node.identifier));
  visit(tree, (node) => {
    if (node.type === 'link') facts.links.push({ url: node.url, ...at(node) });
    else if (node.type === 'image') facts.images.push({ url: node.url, ...at(node) });
    else if (node.type === 'definition') {
      (imageLabels.has(node.identifier) ? facts.images : facts.links).push({ url: node.url, ...at(node) });
    } else if (node.type === 'html') {
      facts.hasHtml = true;
      const placeAt = placesInside(at(node), node.value);
      for (const match of node.value.matchAll(htmlUrl)) {
        const url = match[2] ?? match[3] ?? match[4] ?? '';
        const list = match[1]!.toLowerCase() === 'src' ? facts.images : facts.links;
        list.push({ url, ...placeAt(match.index) });
      }
    }
  });
  facts.firstParagraph = firstParagraph(tree);
}

// Where the body has characters no output may carry; read from its text, also when the parser failed.
function invalidCharacters(tree: Root, bodyLine: number): CharacterPlace[] | undefined {
  const body = sources.get(tree);
  const found = body === undefined ? [] : findInvalidCharacters(body).slice(0, MAX_PLACES);
  return found.length === 0 ? undefined : found.map(({ index, code }) => ({ code, ...placeOfIndex(body!, index, bodyLine) }));
}

// The file place of a UTF-16 index of the body, whose first line is the file's line `bodyLine`.
function placeOfIndex(body: string, index: number, bodyLine: number): Point {
  const before = body.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: bodyLine + before.split('\n').length - 1, column: index - lineStart + 1 };
}

/** Collect links, images, the first paragraph and whether raw HTML occurs; places are file lines. Never throws. */
export function collectFacts(tree: Root, bodyLine: number): MarkdownFacts {
  const invalid = invalidCharacters(tree, bodyLine);
  const facts: MarkdownFacts = { links: [], images: [], firstParagraph: '', hasHtml: false, ...(invalid && { invalidCharacters: invalid }) };
  const problem = unreadable.get(tree) ?? (nestsTooDeep(tree) ? TOO_DEEP : undefined);
  if (problem) return { ...facts, problem };
  try {
    gather(tree, facts, bodyLine);
  } catch (error) {
    return { links: [], images: [], firstParagraph: '', hasHtml: false, ...(invalid && { invalidCharacters: invalid }), problem: reason(error) };
  }
  return facts;
}
