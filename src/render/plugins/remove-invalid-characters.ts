import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { hasInvalidCharacters, removeInvalidCharacters } from '../../persian/index.ts';

/**
 * Characters no page may carry (control characters, noncharacters, half a surrogate pair) are
 * removed from text and attribute values; `check` warns at each (`control-character`). Raw HTML
 * can make them from references (`&#1;`), which the HTML parser keeps.
 */
export default function rehypeRemoveInvalidCharacters() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment') {
        if (hasInvalidCharacters(node.value)) node.value = removeInvalidCharacters(node.value);
      } else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string' && hasInvalidCharacters(value)) node.properties[name] = removeInvalidCharacters(value);
          else if (Array.isArray(value)) node.properties[name] = value.map((v) => (typeof v === 'string' ? removeInvalidCharacters(v) : v));
        }
      }
    });
  };
}
