/**
 * The values of the labelled lines: the publish date, the service name and the article's id.
 * Each either is read or gives a problem at the value's place.
 */
import type { Point } from '../diagnostics/index.ts';
import { parseJalaliDate, toLatinDigits, type JalaliDate } from '../persian/index.ts';
import type { Labelled, Outcome } from './types.ts';

/** Bidi marks and other invisible characters that copy-paste leaves around numbers. */
const INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `۶ قوس ۱۳۹۳`, `۶ آذر ۱۳۹۳`, with an optional weekday or time: any form the Persian layer reads. */
export function readDate(value: string, place: Point): Outcome<Labelled<JalaliDate>> {
  const result = parseJalaliDate(value);
  if (result.ok) return { ok: true, value: { value: result.value, ...place } };
  const { message, suggestion } = result.error;
  const fix = 'Correct the date line of the dump (day, month name, year, such as `۶ قوس ۱۳۹۳` or `۶ آذر ۱۳۹۳`) and import it again.';
  const note = suggestion ? `Did you mean \`${suggestion}\`? ${fix}` : fix;
  return { ok: false, problem: { ruleId: 'import-date', message, note, ...place } };
}

/** The service name as written, spaces collapsed; matched against the registry later. */
export function readService(value: string, place: Point): Outcome<Labelled<string>> {
  const name = value.replace(/\s+/g, ' ').trim();
  if (name !== '') return { ok: true, value: { value: name, ...place } };
  return {
    ok: false,
    problem: {
      ruleId: 'import-layout',
      message: 'Unexpected empty service, expected the service’s name after `سرویس:`',
      note: 'Write the service as the old page showed it, such as `• سرویس: بین‌الملل`.',
      ...place,
    },
  };
}

/** The article's number in Latin, Persian or Arabic-Indic digits; leading zeros do not change it. */
export function readId(value: string, place: Point): Outcome<Labelled<number>> {
  const digits = toLatinDigits(value.replace(INVISIBLES, '').trim());
  const id = Number(digits);
  if (/^\d+$/.test(digits) && id > 0 && Number.isSafeInteger(id)) return { ok: true, value: { value: id, ...place } };
  return {
    ok: false,
    problem: {
      ruleId: 'import-no-id',
      message: `Unexpected ${value === '' ? 'empty id' : `\`${value}\``}, expected the article’s number, such as \`21007\``,
      note: 'The shenaseh (شناسه مطلب) is the article’s permanent number and its URL, `/news/<shenaseh>/`; copy it from the old page.',
      ...place,
    },
  };
}
