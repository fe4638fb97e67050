/** One file of the built site, produced lazily. */
export interface Output {
  /** Site path: `/news/1/` (written as `news/1/index.html`), `/feed.xml`, `/assets/x.css`. */
  path: string;
  /**
   * Digest of everything the content depends on. When it equals the key of the previous build
   * and the file in `dist/` is intact, `content` is not called at all.
   */
  key: string;
  content: () => string | Uint8Array | Promise<string | Uint8Array>;
}
