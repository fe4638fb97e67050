/** A raster format that browsers show, recognised by its first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif';

/** File name endings that static hosts serve as one of the {@link ImageFormat}s (lower case). */
export const IMAGE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'];

/** How many first bytes {@link sniffImage} needs. */
export const SNIFF_BYTES = 64;

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

// AVIF is an ISO media file whose `ftyp` box names `avif` (a still) or `avis` (a sequence) as its
// major brand or among its compatible brands.
function isAvif(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const size = Math.min(((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0, head.length);
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(head, at, at + 4));
  return brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/** The image format of a file's first bytes (at least {@link SNIFF_BYTES} of them when the file has them), if it is one browsers show. */
export function sniffImage(head: Uint8Array): ImageFormat | undefined {
  if (head.length >= 8 && head[0] === 0x89 && ascii(head, 1, 8) === 'PNG\r\n\x1a\n') return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  return isAvif(head) ? 'avif' : undefined;
}

/** What a file that is not an image seems to be, for a message: `SVG`, `HTML`, `text` or `data`. */
export function describeBytes(head: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg|<svg)/.test(text)) return 'SVG';
  if (text.startsWith('<')) return 'HTML';
  // Text has no control characters besides tab, newline and carriage return.
  return /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]*$/.test(text) ? 'text' : 'data';
}
