/**
 * Display typography for text nodes shown to readers (never code, URLs or front matter):
 * Persian letters and Persian digits, without touching Latin-script tokens such as
 * `COVID-19`, `H2O`, `v1.2` or `a1@b.com`, whose digits are part of a Latin name.
 */
import { toPersianDigits } from './digits.ts';
import { toPersianLetters } from './normalize.ts';

/** A whitespace-free chunk that is a URL or an e-mail address: left exactly as written, letters included. */
const URL_OR_EMAIL = /^\S*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$|^\S*[\p{Script=Latin}0-9._%+-]@[\p{Script=Latin}0-9-]+\.\S*$/iu;
/**
 * A run of characters that can glue digits to a Latin word (`COVID-19`, `v1.2`, `G20/2`).
 * Digits inside a run that holds a Latin letter stay Latin.
 */
const LATIN_GLUE = /[\p{Script=Latin}0-9\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c_\-\u2010\u2011/:+#~=&?%]+/gu;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
/** A number: digits with `.`/`,`/`/`/`:`/`٫`/`٬` between digits, and an optional percent sign. */
const NUMBER = /[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,/:\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*%?/g;

/** Characters this module may change: digits of any script and Arabic yeh, alef maksura and kaf. */
const CHANGEABLE = /[0-9\u0660-\u0669\u06f0-\u06f9\u064a\u0649\u0643]/;

/** Text for readers: Persian letters, and Persian digits except in Latin-script tokens, URLs and e-mail addresses. */
export function toDisplayText(s: string): string {
  // Most headlines and text nodes have nothing to change; this runs on every one of a million pages.
  if (!CHANGEABLE.test(s)) return s;
  // Split on whitespace but keep it, so spacing is preserved byte for byte.
  return s
    .split(/(\s+)/)
    .map((chunk) => (!CHANGEABLE.test(chunk) || URL_OR_EMAIL.test(chunk) ? chunk : displayChunk(chunk)))
    .join('');
}

/** Fix letters and convert the numbers of one whitespace-free chunk that is not a URL. */
function displayChunk(chunk: string): string {
  return toPersianLetters(chunk).replace(LATIN_GLUE, (run) =>
    HAS_LATIN_LETTER.test(run) ? run : run.replace(NUMBER, persianNumber),
  );
}

/** One number in Persian form: ٫ as decimal separator, ٬ between thousands groups, ٪ for percent. */
function persianNumber(number: string): string {
  // NUMBER only matches separators between digits, so every `.` here is a decimal point.
  const converted = number
    .replace(/\./g, '\u066b')
    // A comma is a thousands separator only before a group of exactly three digits; `1,2` is a list.
    .replace(/,(?=[0-9\u0660-\u0669\u06f0-\u06f9]{3}(?![0-9\u0660-\u0669\u06f0-\u06f9]))/g, '\u066c')
    .replace(/%$/, '\u066a');
  return toPersianDigits(converted);
}
