import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Root } from 'mdast';
import { shortenText, toPlainText } from '../persian/index.ts';

/** Longest default summary, in characters: a card shows 240, a feed reader a few lines. */
export const MAX_FIRST_PARAGRAPH = 600;

// Elements whose content is not text for readers: a script, a style sheet, a form field's value.
const STRIPPED = /^<(script|style|textarea|title|noscript|template|iframe|xmp)\b/i;

/**
 * The text a reader sees of a paragraph: text and code as written (entities already decoded by
 * the parser), a line break as a space; raw HTML tags left out (their source never becomes
 * text), and with them the content of elements the page drops whole; image alt text left out.
 */
function readerText(node: Nodes): string {
  let skipping: string | undefined;
  let text = '';
  const walk = (n: Nodes): void => {
    if (n.type === 'html') {
      const open = STRIPPED.exec(n.value);
      if (!skipping && open && !new RegExp(`</${open[1]}\\s*>`, 'i').test(n.value)) skipping = open[1]!.toLowerCase();
      else if (skipping && new RegExp(`^</${skipping}\\s*>`, 'i').test(n.value)) skipping = undefined;
      return;
    }
    if (skipping) return;
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value;
    else if (n.type === 'break') text += ' ';
    else if ('children' in n && n.type !== 'footnoteDefinition') for (const child of n.children) walk(child as Nodes);
  };
  walk(node);
  return text;
}

/**
 * The default summary of a body: the plain text of its first paragraph that has any, white
 * space collapsed, without characters no output may carry, shortened to {@link MAX_FIRST_PARAGRAPH}.
 * Each output escapes it for itself.
 */
export function firstParagraph(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toPlainText(readerText(node));
    if (text) return shortenText(text, MAX_FIRST_PARAGRAPH);
  }
  return '';
}

// Elements whose text is not for readers, in a lead written as HTML.
const HIDDEN = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'iframe', 'xmp']);

/**
 * The plain text of a `lead:` as readers should see it in a card, a feed or a description:
 * HTML an editor wrote in it (`<b>مهم</b>`) left out with the text of scripts and styles, the
 * rest kept, entities decoded; then each output escapes it for itself.
 */
export function plainLead(lead: string): string {
  if (!/[<&]/.test(lead)) return toPlainText(lead);
  let text = '';
  const walk = (node: HastNodes): void => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && HIDDEN.has(node.tagName)) return;
    else if ('children' in node) for (const child of node.children) walk(child as HastNodes);
  };
  walk(fromHtml(lead, { fragment: true }));
  return toPlainText(text);
}
