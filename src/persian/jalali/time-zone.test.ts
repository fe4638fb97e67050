import { describe, expect, it } from 'vitest';
import { isValidTimeZone, jalaliFromEpochMs, toEpochMs, toIsoDateTime } from './time-zone.ts';

describe('toIsoDateTime', () => {
  it('uses +03:30 in a Tehran winter and +04:30 in a Tehran summer before 2022', () => {
    expect(toIsoDateTime({ jy: 1393, jm: 9, jd: 6 }, 'Asia/Tehran')).toBe('2014-11-27T00:00:00+03:30');
    expect(toIsoDateTime({ jy: 1393, jm: 4, jd: 10, hour: 12, minute: 0 }, 'Asia/Tehran')).toBe('2014-07-01T12:00:00+04:30');
  });

  it('uses +03:30 all year in Tehran after summer time ended', () => {
    expect(toIsoDateTime({ jy: 1403, jm: 4, jd: 10, hour: 12, minute: 0 }, 'Asia/Tehran')).toBe('2024-06-30T12:00:00+03:30');
  });

  it('uses +04:30 in Kabul and +00:00 (not Z) in UTC', () => {
    expect(toIsoDateTime({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 }, 'Asia/Kabul')).toBe('2014-11-27T14:30:00+04:30');
    expect(toIsoDateTime({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 }, 'UTC')).toBe('2014-11-27T14:30:00+00:00');
  });

  it('writes negative offsets', () => {
    expect(toIsoDateTime({ jy: 1393, jm: 9, jd: 6 }, 'America/New_York')).toBe('2014-11-27T00:00:00-05:00');
  });

  it('keeps the written wall clock across a skipped hour, with the offset that names the same instant', () => {
    // Tehran moved from 00:00 to 01:00 on 2 Farvardin 1393; midnight did not exist that day.
    const d = { jy: 1393, jm: 1, jd: 2 };
    expect(toIsoDateTime(d, 'Asia/Tehran')).toBe('2014-03-22T00:00:00+03:30');
    expect(toEpochMs(d, 'Asia/Tehran')).toBe(Date.parse('2014-03-22T00:00:00+03:30'));
  });

  it('uses the new offset on the hours right after a clock change', () => {
    expect(toIsoDateTime({ jy: 1393, jm: 1, jd: 2, hour: 12, minute: 0 }, 'Asia/Tehran')).toBe('2014-03-22T12:00:00+04:30');
    expect(toIsoDateTime({ jy: 1393, jm: 6, jd: 31, hour: 12, minute: 0 }, 'Asia/Tehran')).toBe('2014-09-22T12:00:00+03:30');
  });

  it('takes the first of a repeated hour', () => {
    // Tehran went back from 24:00 to 23:00 on 30 Shahrivar 1393.
    expect(toIsoDateTime({ jy: 1393, jm: 6, jd: 30, hour: 23, minute: 30 }, 'Asia/Tehran')).toBe('2014-09-21T23:30:00+04:30');
  });
});

describe('toEpochMs and jalaliFromEpochMs', () => {
  it('gives the instant of a wall-clock time', () => {
    expect(toEpochMs({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 }, 'Asia/Tehran')).toBe(Date.UTC(2014, 10, 27, 11, 0));
  });

  it('reads the local Jalali date and time of an instant', () => {
    // 21:00 UTC on 26 November is already 6 Azar in Tehran.
    expect(jalaliFromEpochMs(Date.UTC(2014, 10, 26, 21, 0), 'Asia/Tehran')).toEqual({ jy: 1393, jm: 9, jd: 6, hour: 0, minute: 30 });
    expect(jalaliFromEpochMs(Date.UTC(2014, 10, 26, 21, 0), 'UTC')).toEqual({ jy: 1393, jm: 9, jd: 5, hour: 21, minute: 0 });
  });

  it('round-trips wall-clock times', () => {
    const d = { jy: 1401, jm: 2, jd: 15, hour: 8, minute: 45 };
    for (const tz of ['Asia/Tehran', 'Asia/Kabul', 'UTC', 'Europe/London']) {
      expect(jalaliFromEpochMs(toEpochMs(d, tz), tz)).toEqual(d);
    }
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects the rest', () => {
    expect(isValidTimeZone('Asia/Tehran')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
