/**
 * Persian text for full-text search, one implementation for the index (build) and the query
 * (the search page's script is bundled from this file).
 *
 * Two forms:
 * - {@link searchText}: what is indexed and shown. Every change keeps the text looking as written
 *   (or as the site's display typography shows it anyway): Arabic letters to Persian, digits to one
 *   script, tatweel gone, ۀ/ئ spelt as letter + hamza mark, and a bound suffix or prefix typed
 *   after a space (`خشونت ها`, `می شود`) joined to its word with a ZWNJ.
 * - {@link normalizeSearch}: the match key of a query or a word: {@link searchText}, then ZWNJ,
 *   invisible characters and diacritics removed and Latin lower-cased. Pagefind does the same to
 *   every indexed word (it keeps letters and digits only, lower-cases, strips combining marks),
 *   so `خشونت‌ها`, `خشونتها` and `خشونت ها` all meet at `خشونتها`.
 */
import { toLatinDigits } from './digits.ts';
import { toPersianLetters } from './normalize.ts';
import { toDisplayText } from './typography.ts';

/** Changes whenever the indexed form of a text changes, so every index is built again. */
export const SEARCH_FORM_VERSION = '1';

const ZWNJ = '\u200c';
/** Zero-width and bidi characters other than ZWNJ: invisible, never part of a word's key. */
const INVISIBLES = /[\u00ad\u061c\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Tatweel: a stretched joint, decoration only. */
const TATWEEL = /\u0640/g;

/**
 * Persian's bound suffixes, a closed class of the grammar (not a list of words): the plural ها
 * with its possessive and indefinite endings, comparative and superlative تر/ترین, the enclitic
 * "to be" and possessive pronouns, and the ezafe or indefinite ی. Written after a space or ZWNJ
 * they belong to the word before. The short pronouns مان/تان/شان are left out: شان is also
 * the noun شأن once its hamza is folded.
 */
const SUFFIX = /^(?:ها(?:ی(?:ی|م|ت|ش|مان|تان|شان)?|مان|تان|شان)?|تر(?:ین|ی)?|ای|ام|ات|اش|ایم|اید|اند|ی)$/;
/** The verbal prefixes می and نمی (continuous, negative continuous) belong to the word after. */
const PREFIX = /^ن?می$/;
const LETTER_END = /[\p{L}\p{M}]$/u;
const LETTER_START = /^\p{L}/u;
/** A token's leading letters, and the punctuation after them (`ها،`). */
const CORE = /^([\p{L}\p{M}]+)(.*)$/u;

/** A token's leading letters without marks: `ها` of `ها،`, `ی` of `یٔ`. */
function letters(token: string): string {
  return (CORE.exec(token)?.[1] ?? '').replace(/\p{M}/gu, '');
}

/** Letters and marks of one script written by another keyboard or codepage, to their Persian form. */
function foldLetters(s: string): string {
  return (
    toPersianLetters(s.normalize('NFKC'))
      // Urdu heh goal, Kurdish ae and heh doachashmee are typos for Persian ه.
      .replace(/[\u06c1\u06d5\u06be\u0629]/g, '\u0647')
      // ۀ and ئ as letter + hamza mark, which look the same and lose only the mark when folded.
      .replace(/\u06c0/g, '\u0647\u0654')
      .replace(/\u0626/g, '\u06cc\u0654')
      .replace(TATWEEL, '')
  );
}

const MARK_FIRST = /^\p{M}/u;
// ه ت ا ی: the letters a suffix starts with; م ن: those a prefix starts with.
const SUFFIX_STARTS = new Set([0x647, 0x62a, 0x627, 0x6cc]);
const PREFIX_STARTS = new Set([0x645, 0x646]);
const IS_SUFFIX = 1;
const IS_PREFIX = 2;
// What each token is, by its text: a text repeats its words, so each is judged once per run.
const affixes = new Map<string, number>();
const MAX_AFFIXES = 100_000;

/** Whether a token is a bound suffix (`IS_SUFFIX`), a verbal prefix (`IS_PREFIX`), or neither (0). */
function affixOf(token: string): number {
  const first = token.charCodeAt(0);
  // A token that starts with another letter, a digit or punctuation is no affix: most are ruled out here.
  if (!SUFFIX_STARTS.has(first) && !PREFIX_STARTS.has(first) && !MARK_FIRST.test(token)) return 0;
  let kind = affixes.get(token);
  if (kind === undefined) {
    kind = (SUFFIX.test(letters(token)) ? IS_SUFFIX : 0) | (PREFIX.test(token.replace(/\p{M}/gu, '')) ? IS_PREFIX : 0);
    if (affixes.size >= MAX_AFFIXES) affixes.clear();
    affixes.set(token, kind);
  }
  return kind;
}

/** Join bound suffixes and prefixes written as separate words to their word, with a ZWNJ. */
function joinAffixes(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    const previous = out[out.length - 1];
    if (previous !== undefined && affixOf(token) & IS_SUFFIX && LETTER_END.test(previous)) {
      out[out.length - 1] = previous + ZWNJ + token;
      continue;
    }
    while (affixOf(token) & IS_PREFIX && i + 1 < tokens.length && LETTER_START.test(tokens[i + 1]!)) token += ZWNJ + tokens[++i]!;
    out.push(token);
  }
  return out;
}

/**
 * The indexed and shown form of a text (see the module's notes): whitespace runs become one
 * space, a ZWNJ beside a space goes, and separated affixes join their word.
 */
export function searchText(s: string): string {
  const text = toLatinDigits(foldLetters(s))
    .replace(/\s*\u200c[\s\u200c]*/g, (run) => (/\s/.test(run) ? ' ' : ZWNJ))
    .trim();
  return text === '' ? '' : joinAffixes(text.split(/\s+/)).join(' ');
}

/**
 * Indexed text as readers see it: the site's display typography (Persian digits except in Latin
 * names), and ی + hamza mark written ئ again, the way Persian keyboards type it.
 */
export function searchDisplay(s: string): string {
  return toDisplayText(s).replace(/\u06cc\u0654/g, '\u0626');
}

/** A word or query as Pagefind compares it: {@link searchText} without ZWNJ, invisibles, marks and case. */
export function normalizeSearch(s: string): string {
  return searchText(s)
    .replace(/\u200c/g, '')
    .replace(INVISIBLES, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** The words of a query or text as keys: {@link normalizeSearch}, split, punctuation dropped. */
export function searchWords(s: string): string[] {
  return normalizeSearch(s)
    .split(' ')
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word !== '');
}

/**
 * What to ask the index for one query, best first: the query's words; then, when the reader wrote
 * a compound with a ZWNJ (`بین‌المللی`), its parts as separate words, for archives typed with a
 * space there; and for two words, the two joined, for archives typed with neither.
 */
export function searchQueries(query: string): string[] {
  const primary = searchWords(query).join(' ');
  if (primary === '') return [];
  const queries = [primary];
  const split = searchText(query)
    .split(' ')
    .flatMap((token) => splitCompound(token))
    .map((word) => searchWords(word).join(''))
    .filter((word) => word !== '')
    .join(' ');
  if (!queries.includes(split)) queries.push(split);
  const words = primary.split(' ');
  if (words.length === 2 && !queries.includes(words.join(''))) queries.push(words.join(''));
  return queries;
}

/** The parts of a ZWNJ compound that are words of their own (affixes stay with their word). */
function splitCompound(token: string): string[] {
  const parts = token.split(ZWNJ);
  const words: string[] = [];
  for (const [index, part] of parts.entries()) {
    const bound = index > 0 && (SUFFIX.test(letters(part)) || PREFIX.test(letters(parts[index - 1]!)));
    if (bound && words.length > 0) words[words.length - 1] += part;
    else words.push(part);
  }
  return words;
}
