/**
 * Normalisation of Persian text for identity (services, tags, month names); full-text search
 * builds on it in `search.ts`.
 *
 * The same word reaches us typed on Persian, Arabic and Latin keyboards, with
 * or without ZWNJ, diacritics and tatweel; two spellings that a reader sees as
 * the same word must give the same key.
 */
import { toLatinDigits } from './digits.ts';
import { editDistance } from './edit-distance.ts';

/** Tatweel (kashida) and the Arabic harakat, including hamza above/below and superscript alef. */
const MARKS = /[\u0640\u064b-\u065f\u0670]/g;
/** Zero-width characters and bidi controls: invisible, so they must never split or change a key. */
const INVISIBLES = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Hyphens and dashes that authors use interchangeably with spaces in compound names. */
const DASHES = /[-_\u2010\u2011\u2013\u2014]/g;

/** Replace the Arabic yeh (ي), alef maksura (ى) and kaf (ك) with their Persian forms; nothing else changes. */
export function toPersianLetters(s: string): string {
  return s.replace(/[\u064a\u0649]/g, '\u06cc').replace(/\u0643/g, '\u06a9');
}

/** Fold Arabic letter variants, ة/ۀ, tatweel, diacritics, digits and case: the part shared by identity, search and slugs. */
export function foldBasic(s: string): string {
  // Hamza-carrying letters (أ ؤ ئ) are kept here because a slug is shown to readers.
  const folded = toLatinDigits(
    toPersianLetters(s.normalize('NFC'))
      .replace(/[\u0629\u06c0]/g, '\u0647')
      .replace(MARKS, ''),
  ).toLowerCase();
  // Removing a mark can unblock a composition (e + ٔ + ◌́ → é), so compose again to stay idempotent.
  return folded.normalize('NFC');
}

/**
 * Fold the hamza-carrying letters to their base letter.
 * ئ → ی is deliberate: a Persian keyboard types ی + hamza mark (U+06CC U+0654),
 * an Arabic one types ئ (U+0626); once marks are stripped the first becomes ی,
 * so ئ must fold to ی as well or the two spellings (پائیز/پاییز, مسئول) never meet.
 * آ is not folded: it is a distinct Persian letter (آب is not اب).
 */
function foldHamza(s: string): string {
  return s.replace(/[\u0623\u0625\u0671]/g, '\u0627').replace(/\u0624/g, '\u0648').replace(/\u0626/g, '\u06cc');
}

/** The identity key of a service, tag or name: spelling variants, spaces, ZWNJ and dashes all fold away. */
export function normalizeIdentity(s: string): string {
  // Services and tags repeat across a whole archive: each spelling is folded once.
  let key = identities.get(s);
  if (key === undefined) {
    key = foldHamza(foldBasic(s)).replace(INVISIBLES, '').replace(/\s+/g, '').replace(DASHES, '');
    if (identities.size >= MAX_IDENTITIES) identities.clear();
    identities.set(s, key);
  }
  return key;
}

const identities = new Map<string, string>();
const MAX_IDENTITIES = 50_000;

/** The candidate nearest to `input` by identity key within `max` edits (default max(2, ⌊length/3⌋)), first on ties; else undefined. */
export function nearest(input: string, candidates: readonly string[], max?: number): string | undefined {
  const key = normalizeIdentity(input);
  if (key === '') return undefined;
  const limit = max ?? Math.max(2, Math.floor([...key].length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key, normalizeIdentity(candidate));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
