import type { Nodes, Root } from 'mdast';

/**
 * Deepest nesting read: quotes in lists in emphasis in raw HTML elements, counted together.
 * Real articles stay under 20; the tools that turn a body into HTML recurse once or more per
 * level and run out of stack at about 2,000, earlier or later depending on the thread.
 * A fixed limit makes the answer the same in every thread, for `check` and `build` alike.
 */
export const MAX_NESTING = 200;

// Elements that never hold others.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Elements that a second one of their kind closes (`<p>a<p>b`, `<li>a<li>b`).
const SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'rt', 'rp']);
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi;

/**
 * How deep raw HTML nests elements, carried across the HTML nodes of a body in order: an end
 * tag closes the nearest open element of its name (a stray one closes nothing), as browsers do.
 */
class HtmlDepth {
  private readonly open: string[] = [];

  /** Read one HTML node's tags; returns the deepest nesting reached inside it. */
  read(html: string): number {
    let deepest = this.open.length;
    for (const [, end, rawName, selfClosing] of html.matchAll(TAG)) {
      if (deepest > MAX_NESTING) break;
      const name = rawName!.toLowerCase();
      if (end) {
        const at = this.open.lastIndexOf(name);
        if (at >= 0) this.open.length = at;
      } else if (!VOID.has(name) && !selfClosing) {
        if (SIBLINGS.has(name) && this.open.at(-1) === name) continue;
        this.open.push(name);
        deepest = Math.max(deepest, this.open.length);
      }
    }
    return deepest;
  }
}

/**
 * True when a body nests deeper than {@link MAX_NESTING} (Markdown levels plus raw HTML elements).
 * Without recursion, so a deep tree cannot overflow the check itself; it stops at the first
 * place too deep, so the HTML it keeps open stays short.
 */
export function nestsTooDeep(tree: Root): boolean {
  const html = new HtmlDepth();
  // Depth-first in document order, so raw HTML is read in the order a browser would see it.
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if ((node.type === 'html' ? depth + html.read(node.value) : depth) > MAX_NESTING) return true;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, depth + 1]);
  }
  return false;
}
