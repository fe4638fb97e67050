import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Point } from '../diagnostics/index.ts';

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
  /** Plain text of the first paragraph (the default lead). */
  firstParagraph: string;
  /** The body has raw HTML, so rendering needs rehype-raw. */
  hasHtml: boolean;
}

/** Parse a Markdown body (GFM) into mdast. */
export function parseMarkdown(body: string): Root {
  return parser.parse(body);
}

const htmlUrl = /\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

/** Collect links, images, the first paragraph and whether raw HTML occurs; places are file lines. */
export function collectFacts(tree: Root, bodyLine: number): MarkdownFacts {
  const facts: MarkdownFacts = { links: [], images: [], firstParagraph: '', hasHtml: false };
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const imageLabels = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'imageReference') imageLabels.add(node.identifier);
  });
  visit(tree, (node) => {
    if (node.type === 'link') facts.links.push({ url: node.url, ...at(node) });
    else if (node.type === 'image') facts.images.push({ url: node.url, ...at(node) });
    else if (node.type === 'definition') {
      (imageLabels.has(node.identifier) ? facts.images : facts.links).push({ url: node.url, ...at(node) });
    } else if (node.type === 'html') {
      facts.hasHtml = true;
      for (const match of node.value.matchAll(htmlUrl)) {
        const url = match[2] ?? match[3] ?? match[4] ?? '';
        const list = match[1]!.toLowerCase() === 'src' ? facts.images : facts.links;
        list.push({ url, ...at(node) });
      }
    }
  });
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) {
      facts.firstParagraph = text;
      break;
    }
  }
  return facts;
}
