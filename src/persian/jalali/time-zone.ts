/**
 * Jalali wall-clock times in an IANA time zone. Offsets come from `Intl` (the tz
 * database), never from constants: Iran kept summer time (+04:30) until 2022.
 */
import { toJalaali } from 'jalaali-js';
import { jalaliToGregorian, pad, toIsoDate } from './convert.ts';
import type { JalaliDate } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** One formatter per zone: building an Intl.DateTimeFormat is far slower than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Instants already resolved, by zone and wall clock: an archive has many articles per day. */
const instants = new Map<string, number>();
const MAX_INSTANTS = 100_000;
/** Offsets at the start and end of each UTC day looked up so far. */
const dayOffsets = new Map<string, [number, number]>();

/** Whether `tz` is an IANA time zone name this runtime knows (`Asia/Tehran`, `Asia/Kabul`, `UTC`). */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The instant (ms since the epoch) of a Jalali wall-clock time, 00:00 when none, in `timeZone`; RangeError on an unknown zone. */
export function toEpochMs(d: JalaliDate, timeZone: string): number {
  const wall = wallClockMs(d);
  const id = `${timeZone}\u0000${wall}`;
  let instant = instants.get(id);
  if (instant === undefined) {
    if (instants.size >= MAX_INSTANTS) instants.clear();
    instants.set(id, (instant = resolveWallClock(wall, timeZone)));
  }
  return instant;
}

function resolveWallClock(wall: number, timeZone: string): number {
  // As Temporal's `compatible` choice: a time skipped by a clock change is read with the
  // offset before it, a repeated time resolves to its first occurrence.
  const before = offsetMs(wall - DAY, timeZone);
  const after = offsetMs(wall + DAY, timeZone);
  // Clock changes are months apart, so the offset a day either side covers every case.
  const candidates = [wall - before, wall - after].filter((ms) => offsetMs(ms, timeZone) === wall - ms);
  return candidates.length === 0 ? wall - before : Math.min(...candidates);
}

/** The zone's UTC offset in minutes at a Jalali wall-clock time (00:00 when none): `+210` for `+03:30`. */
export function offsetMinutes(d: JalaliDate, timeZone: string): number {
  // The offset is whatever maps the written wall clock to toEpochMs's instant, so both always agree.
  return Math.round((wallClockMs(d) - toEpochMs(d, timeZone)) / MINUTE);
}

/** An offset in minutes as `+03:30` (`separator` `:`) or `+0330` (`separator` empty). */
export function formatOffset(minutes: number, separator: ':' | ''): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

/** ISO-8601 with the zone's offset, e.g. `2014-11-27T00:00:00+03:30`; UTC is written `+00:00`, not `Z`. */
export function toIsoDateTime(d: JalaliDate, timeZone: string): string {
  const time = `${pad(d.hour ?? 0, 2)}:${pad(d.minute ?? 0, 2)}:00`;
  return `${toIsoDate(d)}T${time}${formatOffset(offsetMinutes(d, timeZone), ':')}`;
}

// The last answer of jalaliFromEpochMs: validation asks for "today" once per article.
let lastFromEpoch: { ms: number; timeZone: string; date: JalaliDate } | undefined;

/** The local Jalali date and time (hour and minute always set) of an instant in `timeZone`. */
export function jalaliFromEpochMs(ms: number, timeZone: string): JalaliDate {
  if (lastFromEpoch?.ms === ms && lastFromEpoch.timeZone === timeZone) return { ...lastFromEpoch.date };
  const { year, month, day, hour, minute } = localParts(ms, timeZone);
  const { jy, jm, jd } = toJalaali(year, month, day);
  lastFromEpoch = { ms, timeZone, date: { jy, jm, jd, hour, minute } };
  return { jy, jm, jd, hour, minute };
}

/** The wall-clock time read as if it were UTC, in ms. */
function wallClockMs(d: JalaliDate): number {
  const { gy, gm, gd } = jalaliToGregorian(d);
  const date = new Date(0);
  date.setUTCFullYear(gy, gm - 1, gd);
  date.setUTCHours(d.hour ?? 0, d.minute ?? 0, 0, 0);
  return date.getTime();
}

/**
 * The zone's UTC offset at an instant, in ms, rounded to whole minutes: local mean time
 * before 1946 has seconds (+03:25:44 in Tehran) that ISO offsets cannot carry.
 */
function offsetMs(ms: number, timeZone: string): number {
  // Offsets change at most once or twice a year: when a UTC day starts and ends with the same
  // offset, every instant of it has that offset, so one day's two lookups serve all its articles.
  const day = Math.floor(ms / DAY) * DAY;
  const id = `${timeZone}\u0000${day}`;
  let offsets = dayOffsets.get(id);
  if (offsets === undefined) {
    if (dayOffsets.size >= MAX_INSTANTS) dayOffsets.clear();
    dayOffsets.set(id, (offsets = [exactOffsetMs(day, timeZone), exactOffsetMs(day + DAY - 1000, timeZone)]));
  }
  return offsets[0] === offsets[1] ? offsets[0] : exactOffsetMs(ms, timeZone);
}

function exactOffsetMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const date = new Date(0);
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(p.hour, p.minute, p.second, 0);
  const flooredInstant = Math.floor(ms / 1000) * 1000;
  return Math.round((date.getTime() - flooredInstant) / MINUTE) * MINUTE;
}

/** The local calendar fields of an instant in a zone. */
function localParts(ms: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const field = (name: string): number => fields[name] ?? 0;
  // Years before 1 CE are written with an era; archives never reach them.
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** The cached `Intl.DateTimeFormat` of a zone, with every field numeric and a 00–23 hour. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}
