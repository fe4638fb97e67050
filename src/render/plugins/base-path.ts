import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Options of {@link rehypeBasePath}. */
export interface BasePathOptions {
  /** The path part of the site's `baseUrl`, such as `/archive/`. Default: `/` (nothing changes). */
  basePath?: string;
}

/** Prefix root-relative links (`/news/1/`) with the site's base path when it is served from a sub-folder. */
export default function rehypeBasePath(options: BasePathOptions = {}) {
  const prefix = (options.basePath ?? '/').replace(/\/$/, '');
  return (tree: Root) => {
    if (prefix === '') return;
    visit(tree, 'element', (node) => {
      for (const name of ['href', 'src'] as const) {
        const value = node.properties[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
          node.properties[name] = prefix + value;
        }
      }
    });
  };
}
