import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { toDisplayText } from '../../persian/index.ts';

const ALIGNMENTS = new Set(['left', 'center', 'right']);

/**
 * Tables: column alignment from Markdown (`:---:`) as a class instead of the obsolete `align`
 * attribute, and each table in a box of its own that scrolls sideways on a narrow screen (a
 * keyboard-focusable region named «جدول N», so that keyboard users can scroll it too).
 */
export default function rehypeTables() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      count += 1;
      visit(node, 'element', (cell) => {
        if (cell.tagName !== 'th' && cell.tagName !== 'td') return;
        const align = cell.properties.align;
        delete cell.properties.align;
        if (typeof align === 'string' && ALIGNMENTS.has(align)) cell.properties.className = [`align-${align}`];
      });
      const box: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: toDisplayText(`جدول ${count}`) },
        children: [node],
      };
      parent.children[index] = box;
      return SKIP;
    });
  };
}
