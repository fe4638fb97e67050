/**
 * Month names of the solar hijri calendar: Iranian names, the zodiac names used in
 * Afghanistan, and English transliterations for diagnostics (messages are in English).
 */
import { normalizeIdentity } from '../normalize.ts';

/** Which set of month names a site shows; `content/site.yml` chooses. */
export type MonthNames = 'iran' | 'afghanistan';

/** Iranian month names, Farvardin first. */
export const IRAN_MONTHS = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

/** Afghan (zodiac) month names, Hamal first. */
export const AFGHAN_MONTHS = [
  'حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله',
  'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت',
] as const;

/** Transliterated Iranian names, used in English messages. */
export const ENGLISH_MONTHS = [
  'Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar',
  'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand',
] as const;

/** Accepted spellings beyond the two lists, with their month numbers. */
const VARIANTS: ReadonlyArray<readonly [string, number]> = [
  ['امرداد', 5],
  ['جوزاء', 3],
];

/** Identity key → month number, for every accepted spelling. */
const BY_KEY = new Map<string, number>([
  ...IRAN_MONTHS.map((name, i) => [normalizeIdentity(name), i + 1] as const),
  ...AFGHAN_MONTHS.map((name, i) => [normalizeIdentity(name), i + 1] as const),
  ...VARIANTS.map(([name, jm]) => [normalizeIdentity(name), jm] as const),
]);

/** Every month name a reader may write, for "did you mean" suggestions. */
export const ALL_MONTH_NAMES: readonly string[] = [...IRAN_MONTHS, ...AFGHAN_MONTHS];

/** The month name (1 = Farvardin/Hamal) in the chosen name set; throws RangeError outside 1–12. */
export function monthName(jm: number, names: MonthNames): string {
  const name = (names === 'afghanistan' ? AFGHAN_MONTHS : IRAN_MONTHS)[jm - 1];
  if (name === undefined) throw new RangeError(`Unexpected month \`${jm}\`, expected 1–12`);
  return name;
}

/** The English transliteration of a month (1 = Farvardin), for messages. */
export function englishMonthName(jm: number): string {
  return ENGLISH_MONTHS[jm - 1] ?? `month ${jm}`;
}

/** The month number of a written month name in either set (ي/ك, ZWNJ and spacing variants allowed), or undefined. */
export function monthFromName(name: string): number | undefined {
  return BY_KEY.get(normalizeIdentity(name));
}
