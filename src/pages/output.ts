/** Where an article's rendered body is cached, and its source for rendering it again if the cache lost it. */
export interface BodyRef {
  /** Cache key of the body in the HTML store. */
  key: string;
  /** Source path relative to the project root, and absolute. */
  path: string;
  abs: string;
}

/** A page rendered from a template; plain data, so any worker thread can render it. */
export interface TemplateOutput {
  /** Site path: `/news/1/` (written as `news/1/index.html`). */
  path: string;
  /**
   * Digest of everything the page depends on. When it equals the key of the previous build
   * and the file in `dist/` is intact, the page is not rendered at all.
   */
  key: string;
  template: string;
  /** Built only when the page must be rendered: most pages of a warm build are not. */
  context: () => Record<string, unknown>;
  /** The article body the template shows as `body`. */
  body?: BodyRef;
}

/** A file produced in the main thread (feeds, sitemaps, assets). */
export interface DataOutput {
  path: string;
  key: string;
  content: () => string | Uint8Array | Promise<string | Uint8Array>;
}

/** One file of the built site. */
export type Output = TemplateOutput | DataOutput;

/** True for an output rendered from a template. */
export function isTemplateOutput(output: Output): output is TemplateOutput {
  return 'template' in output;
}

/** A page ready to render on any thread: its output file, template and context as plain data. */
export interface PageJob {
  file: string;
  template: string;
  context: Record<string, unknown>;
  body?: BodyRef;
}
