import type { VFile } from 'vfile';
import type { SiteConfig, ValuePlace } from '../config/index.ts';
import { report } from '../diagnostics/index.ts';
import {
  compareJalali,
  formatJalaliCanonical,
  jalaliFromEpochMs,
  parseJalaliDate,
  type JalaliDate,
  type JalaliParseError,
} from '../persian/index.ts';

const ruleOf: Record<JalaliParseError['kind'], string> = {
  format: 'date-format',
  'month-name': 'date-format',
  gregorian: 'date-gregorian',
  month: 'date-invalid',
  day: 'date-invalid',
  time: 'date-invalid',
  year: 'date-invalid',
};

function parseOne(file: VFile, key: string, value: string, place: ValuePlace | undefined): JalaliDate | undefined {
  const result = parseJalaliDate(value);
  if (result.ok) return result.value;
  const { error } = result;
  report(file, error.message, {
    ruleId: ruleOf[error.kind],
    place: place?.value,
    note: error.suggestion
      ? `Write \`${key}: ${error.suggestion}\`.`
      : 'Accepted forms: `1393-09-06`, `1393/09/06 14:30`, `۱۳۹۳/۰۹/۰۶`, `۶ آذر ۱۳۹۳`, `۶ قوس ۱۳۹۳`.',
  });
  return undefined;
}

/** Parse and check `date` and `updated`: each a real Jalali date, `updated` not before `date`, neither in the future. */
export function checkDates(
  file: VFile,
  values: { date?: string; updated?: string },
  places: Record<string, ValuePlace>,
  site: SiteConfig,
  now: number,
): { date?: JalaliDate; updated?: JalaliDate } {
  const date = values.date === undefined ? undefined : parseOne(file, 'date', values.date, places.date);
  const updated = values.updated === undefined ? undefined : parseOne(file, 'updated', values.updated, places.updated);
  if (date && updated && compareJalali(updated, date) < 0) {
    report(file, `Unexpected \`updated\` ${formatJalaliCanonical(updated)} before \`date\` ${formatJalaliCanonical(date)}, expected the same day or later`, {
      ruleId: 'updated-before-date',
      place: places.updated?.value,
      related: places.date && { file: file.path, ...places.date.value, message: '`date` is here' },
      note: '`updated` is when the article was last edited; it cannot come before publication.',
    });
  }
  const today = jalaliFromEpochMs(now, site.timeZone);
  for (const [key, value] of [['date', date], ['updated', updated]] as const) {
    if (value && compareJalali(value, today) > 0) {
      report(file, `Unexpected \`${key}\` ${formatJalaliCanonical(value)} in the future, expected ${formatJalaliCanonical(today)} or earlier`, {
        ruleId: 'date-future',
        severity: 'warning',
        place: places[key]?.value,
        note: 'Check the year; a scheduled article is published as soon as it is built.',
      });
    }
  }
  return { date, updated };
}
