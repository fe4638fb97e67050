/**
 * Shared shapes of the Jalali date layer.
 */

/** A Jalali (solar hijri) date; `hour` and `minute` are present only when a time was written. */
export interface JalaliDate {
  jy: number;
  jm: number;
  jd: number;
  hour?: number;
  minute?: number;
}

/** Why a written date was rejected; `suggestion`, when present, is a canonical date (`1393-09-06`) that parses. */
export interface JalaliParseError {
  kind: 'format' | 'month-name' | 'month' | 'day' | 'time' | 'gregorian' | 'year';
  message: string;
  suggestion?: string;
}

/** The outcome of parsing: a date, or the reason it is not one. */
export type ParseResult = { ok: true; value: JalaliDate } | { ok: false; error: JalaliParseError };
