import path from 'node:path';

/**
 * Thrown when something asks `write/` to touch a path outside the output folder. Whoever made
 * the path (a page, an alias, a line of a manifest), it is refused here: the last line of defence.
 */
export class UnsafeOutputPath extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Refused to write \`${JSON.stringify(file).slice(1, -1)}\`: ${reason}`);
    this.name = 'UnsafeOutputPath';
  }
}

// C0 controls, DEL and C1 controls: no file name of a site needs them, and some tools mangle them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Bytes per segment: the limit of common file systems.
const MAX_SEGMENT_BYTES = 255;
// Segments that cannot be unsafe: not empty, not starting with `.` (so neither `.` nor `..`), no
// separator, backslash or control character, and at most 85 UTF-16 units (255 bytes of UTF-8).
const SEGMENT = '[^/\\\\\\u0000-\\u001f\\u007f-\\u009f.][^/\\\\\\u0000-\\u001f\\u007f-\\u009f]{0,84}';
const PLAINLY_SAFE = new RegExp(`^(?:${SEGMENT}/)*${SEGMENT}$`);

/**
 * Why `file` (relative to the output folder, `/`-separated, already percent-decoded) is not a
 * safe output path, or undefined when it is one: no absolute path, backslash, control character,
 * empty, `.` or `..` segment.
 */
export function unsafeReason(file: string): string | undefined {
  // Most paths are plainly safe: one pattern says so at a third of the cost of the checks below
  // (run on every output and every line of a manifest, several times per build).
  if (PLAINLY_SAFE.test(file)) return undefined;
  if (file === '') return 'an empty path';
  if (file.startsWith('/')) return 'an absolute path';
  if (file.includes('\\')) return 'a backslash';
  if (CONTROL.test(file)) return 'a control character';
  for (const segment of file.split('/')) {
    if (segment === '') return 'an empty segment (`//` or a trailing `/`)';
    if (segment === '.' || segment === '..') return `a \`${segment}\` segment`;
    // A UTF-16 unit is at most three bytes of UTF-8: most names need no count (every line of a manifest is checked).
    if (segment.length * 3 > MAX_SEGMENT_BYTES && Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return `a name longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

/** The absolute path of `file` inside `folder`; throws {@link UnsafeOutputPath} for any path that would leave it. */
export function resolveInside(folder: string, file: string): string {
  const reason = unsafeReason(file);
  if (reason) throw new UnsafeOutputPath(file, reason);
  const abs = path.resolve(folder, file);
  // Belt and braces: after the checks above this cannot fail, unless `folder` itself is odd.
  if (!abs.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) throw new UnsafeOutputPath(file, 'it leaves the output folder');
  return abs;
}
