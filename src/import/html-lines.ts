/**
 * An HTML dump turned into the lines of the text layout, so that one parser reads both:
 * the headline from `<h1>` (or `<title>`), each `<li>` as a `• …` line, a `<figcaption>` or the
 * loose text right after the list as the caption line, and each `<p>` (and any other block of
 * text) as a paragraph after a blank line. Whitespace inside a block is collapsed the way a
 * browser shows it; `<br>` is a line break. Every line keeps the source line of its text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Point } from '../diagnostics/index.ts';
import { withoutBullet } from './layout.ts';
import type { DumpLine } from './types.ts';

/** Elements whose text is not article text (code, menus, form controls). */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'button', 'select', 'textarea', 'svg', 'iframe', 'object']);
/** Elements that start a new block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Blocks that are paragraphs of their own; text in any other block is loose text. */
const OWN_BLOCKS = new Set(['p', 'blockquote', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'td', 'th', 'caption', 'summary']);

type Kind = 'headline' | 'item' | 'caption' | 'paragraph' | 'loose';

interface Block extends Point {
  kind: Kind;
  lines: string[];
}

function kindOf(element: Element | undefined): Kind {
  const tag = element?.tagName ?? '';
  if (tag === 'h1') return 'headline';
  if (tag === 'li') return 'item';
  const classes = element?.properties.className;
  if (tag === 'figcaption' || (Array.isArray(classes) && classes.some((c) => /caption/i.test(String(c))))) return 'caption';
  return OWN_BLOCKS.has(tag) ? 'paragraph' : 'loose';
}

/** The blocks of text of a page in document order. */
function blocksOf(tree: Root): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let start: Point | undefined;
  let owner: Element | undefined;
  const flush = () => {
    const lines = parts.join('').split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    while (lines.length > 0 && lines[0] === '') lines.shift();
    if (lines.length > 0 && start) blocks.push({ kind: kindOf(owner), lines, ...start });
    parts = [];
    start = undefined;
  };
  const walk = (node: ElementContent | Root) => {
    if (node.type === 'text') {
      // Browsers collapse runs of ASCII whitespace; no-break spaces are text.
      parts.push(node.value.replace(/[ \t\n\f\r]+/g, ' '));
      if (!start && node.value.trim() !== '') start = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    } else if (node.type === 'element' && node.tagName === 'br') {
      parts.push('\n');
    } else if (node.type === 'element' && !SKIPPED.has(node.tagName)) {
      if (!BLOCKS.has(node.tagName)) return node.children.forEach(walk);
      flush();
      const outer = owner;
      owner = node;
      node.children.forEach(walk);
      flush();
      owner = outer;
    } else if (node.type === 'root') node.children.forEach((child) => walk(child as ElementContent));
  };
  walk(tree);
  return blocks;
}

/** The `<title>` of the page as a headline block, for pages without `<h1>`. */
function titleBlock(tree: Root): Block | undefined {
  const find = (node: Root | ElementContent): Element | undefined => {
    if (node.type === 'element' && node.tagName === 'title') return node;
    const children = node.type === 'element' || node.type === 'root' ? node.children : [];
    for (const child of children) {
      const found = find(child as ElementContent);
      if (found) return found;
    }
    return undefined;
  };
  const title = find(tree);
  const text = title?.children.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/\s+/g, ' ').trim();
  if (!title || !text) return undefined;
  return { kind: 'headline', lines: [text], line: title.position?.start.line ?? 1, column: title.position?.start.column ?? 1 };
}

/** Whether a block joins the line before it (labels to each other, the caption to the labels) or follows a blank line. */
function joinsPrevious(block: Block, previous: Block | undefined): boolean {
  if (previous?.kind !== 'item') return false;
  return block.kind === 'item' || block.kind === 'caption' || block.kind === 'loose';
}

/** Parse an HTML dump and give its lines in the text layout. */
export function htmlLines(html: string): DumpLine[] {
  const tree = fromHtml(html);
  const blocks = blocksOf(tree);
  const title = blocks.some((b) => b.kind === 'headline') ? undefined : titleBlock(tree);
  const lines: DumpLine[] = [];
  const all = title ? [title, ...blocks] : blocks;
  all.forEach((block, index) => {
    const place = { line: block.line, column: block.column, synthetic: true };
    if (index > 0 && !joinsPrevious(block, all[index - 1])) lines.push({ text: '', ...place });
    block.lines.forEach((text, k) => lines.push({ text: block.kind === 'item' && k === 0 ? `• ${withoutBullet(text)}` : text, ...place }));
  });
  return lines;
}
