import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Body images load lazily and decode off the main thread: readers are mostly on phones. */
export default function rehypeImageAttributes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
    });
  };
}
