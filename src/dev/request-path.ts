/**
 * The dev server's one door: a request's target, as the client sent it, becomes the name of a
 * file of the site (`news/1/index.html`) or is turned away. Names are only ever looked up in
 * the session's map of the site, never joined to a folder, and anything that tries to leave the
 * site is refused before that: `..` and `.` segments in any encoding, a second encoding (`%252e`),
 * backslashes, NUL and other control bytes, absolute-form targets.
 */

/** What a request target asks for. */
export type Resolved =
  | { kind: 'file'; name: string; path: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'reject'; status: 400 | 404; reason: string };

function reject(status: 400 | 404, reason: string): Resolved {
  return { kind: 'reject', status, reason };
}

// Raw: a backslash, a control byte or a space is never part of a URL path a browser sends.
const RAW_FORBIDDEN = /[\\\u0000-\u0020\u007f]/;
// Encoded separators and NUL: no page of the site has one in its name.
const ENCODED_FORBIDDEN = /%(?:00|5c|2f)/i;
// After one decoding, percent-escapes of dots, separators, NUL or `%` are an encoding in an encoding.
const DOUBLE_ENCODED = /%(?:2e|2f|5c|00|25)/i;

/** The site path of a request target (`/news/1/`, decoded), or why it is refused. */
export function requestPath(target: string): { path: string } | Resolved {
  // Only origin-form targets: `GET http://host/…` and `OPTIONS *` name no path of this site.
  if (!target.startsWith('/')) return reject(400, 'not a path');
  const end = target.search(/[?#]/);
  const raw = end < 0 ? target : target.slice(0, end);
  if (RAW_FORBIDDEN.test(raw)) return reject(400, 'a backslash or control character');
  if (ENCODED_FORBIDDEN.test(raw)) return reject(400, 'an encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return reject(400, 'malformed percent-encoding');
  }
  if (RAW_FORBIDDEN.test(decoded.replace(/ /g, '')) || DOUBLE_ENCODED.test(decoded)) return reject(400, 'a double encoding or control character');
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return reject(400, 'a dot segment');
  if (segments.slice(0, -1).some((s) => s === '')) return reject(404, 'an empty segment');
  return { path: decoded };
}

/**
 * Resolve a request target against the site's base path (`/` or `/archive/`): a file name of
 * the site, a redirect to the base path, or a refusal.
 */
export function resolveRequest(target: string, basePath: string): Resolved {
  const found = requestPath(target);
  if ('kind' in found) return found;
  const { path } = found;
  if (!path.startsWith(basePath)) {
    return `${path}/` === basePath || path === '/' ? { kind: 'redirect', location: basePath } : reject(404, 'outside the base path');
  }
  const rest = path.slice(basePath.length);
  return { kind: 'file', name: rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest, path };
}
