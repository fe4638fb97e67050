/**
 * URL slugs that keep Persian letters: `بین‌الملل` → `بین-الملل`.
 * Browsers show Persian paths readably, so transliterating would only lose information.
 */
import { foldBasic } from './normalize.ts';

/**
 * Anything that is not a letter, a combining mark or a digit; ZWNJ, spaces and «»،؛؟ included.
 * Marks are kept so scripts whose vowels are combining marks (Devanagari, …) are not cut apart;
 * the Arabic harakat are already gone by then.
 */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
/** Soft hyphen, ZWJ, bidi controls and BOM: invisible and not word breaks, so they vanish instead of becoming `-`. */
const INVISIBLES = /[\u00ad\u061c\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A URL slug: letters folded to Persian, digits to Latin, Latin lower-cased, every other run → `-`; may be `''`. */
export function slugify(s: string): string {
  return foldBasic(s).replace(INVISIBLES, '').replace(SEPARATORS, '-').replace(/^-+|-+$/g, '');
}
