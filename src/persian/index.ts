/**
 * The Persian layer: everything language-specific lives here and the rest of bayegan calls it.
 */
export { toLatinDigits, toPersianDigits } from './digits.ts';
export { foldBasic, nearest, normalizeIdentity, toPersianLetters } from './normalize.ts';
export { normalizeSearch, SEARCH_FORM_VERSION, searchDisplay, searchQueries, searchText, searchWords } from './search.ts';
export { editDistance } from './edit-distance.ts';
export { slugify } from './slug.ts';
export { toDisplayText } from './typography.ts';
export * from './jalali/index.ts';
export { cleanText, closeBidi, codePointName, findInvalidCharacters, hasInvalidCharacters, removeInvalidCharacters, shortenText, toPlainText } from './characters.ts';
