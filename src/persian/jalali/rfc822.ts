/**
 * RFC 822 dates (as RFC 1123 amended them: four-digit years) for RSS 2.0's `pubDate` and
 * `lastBuildDate`, with the site's numeric offset instead of `GMT`, so that an RSS date names the
 * same wall clock as the article's page and every other machine-readable date.
 */
import { jalaliToGregorian, pad } from './convert.ts';
import { formatOffset, offsetMinutes } from './time-zone.ts';
import type { JalaliDate } from './types.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A Jalali wall-clock time (00:00 when none) in `timeZone` as RFC 822, e.g. `Thu, 27 Nov 2014 00:00:00 +0330`. */
export function toRfc822DateTime(d: JalaliDate, timeZone: string): string {
  const { gy, gm, gd } = jalaliToGregorian(d);
  const date = new Date(0);
  date.setUTCFullYear(gy, gm - 1, gd);
  const time = `${pad(d.hour ?? 0, 2)}:${pad(d.minute ?? 0, 2)}:00`;
  return `${DAYS[date.getUTCDay()]}, ${pad(gd, 2)} ${MONTHS[gm - 1]} ${pad(gy, 4)} ${time} ${formatOffset(offsetMinutes(d, timeZone), '')}`;
}
