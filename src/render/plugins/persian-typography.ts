import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { toDisplayText } from '../../persian/index.ts';

// Text inside these is code or machine text, shown exactly as written.
const verbatim = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style']);

/** Persian display typography (Persian digits and letters) on text nodes, never in code or attributes. */
export default function rehypePersianTypography() {
  return (tree: Root) => {
    visitParents(tree, 'text', (node, ancestors) => {
      if (ancestors.some((a) => a.type === 'element' && verbatim.has((a as Element).tagName))) return;
      node.value = toDisplayText(node.value);
    });
  };
}
