import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { toDisplayText } from '../../persian/index.ts';

/**
 * Footnote back-links show what they are named: «بازگشت به متن», or «بازگشت به ارجاع ۲» for the
 * second reference to one note, with no `aria-label` that a screen reader would read instead of
 * the visible text. The notes' title keeps only its own class.
 */
export default function rehypeFootnotes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h2' && node.properties.id === 'footnote-label') node.properties.className = ['footnotes-title'];
      if (node.tagName !== 'a' || node.properties.dataFootnoteBackref === undefined) return;
      // mdast-util-to-hast marks the second and later references with a <sup>N</sup>.
      const sup = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'sup');
      delete node.properties.ariaLabel;
      node.properties.className = ['footnote-back'];
      const text = sup ? `بازگشت به ارجاع ${toString(sup)}` : 'بازگشت به متن';
      node.children = [{ type: 'text', value: toDisplayText(text) }];
    });
  };
}
