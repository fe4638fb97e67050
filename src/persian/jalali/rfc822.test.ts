import { describe, expect, it } from 'vitest';
import { toRfc822DateTime } from './rfc822.ts';

describe('toRfc822DateTime', () => {
  it('writes the wall clock with the zone’s numeric offset, never GMT', () => {
    expect(toRfc822DateTime({ jy: 1393, jm: 9, jd: 6 }, 'Asia/Tehran')).toBe('Thu, 27 Nov 2014 00:00:00 +0330');
    expect(toRfc822DateTime({ jy: 1393, jm: 4, jd: 10, hour: 12, minute: 5 }, 'Asia/Tehran')).toBe('Tue, 01 Jul 2014 12:05:00 +0430');
  });

  it('writes Kabul, UTC and negative offsets', () => {
    expect(toRfc822DateTime({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 }, 'Asia/Kabul')).toBe('Thu, 27 Nov 2014 14:30:00 +0430');
    expect(toRfc822DateTime({ jy: 1393, jm: 9, jd: 6 }, 'UTC')).toBe('Thu, 27 Nov 2014 00:00:00 +0000');
    expect(toRfc822DateTime({ jy: 1393, jm: 9, jd: 6 }, 'America/New_York')).toBe('Thu, 27 Nov 2014 00:00:00 -0500');
  });

  it('names the same instant as the ISO form', () => {
    const d = { jy: 1400, jm: 1, jd: 3, hour: 10, minute: 30 };
    expect(Date.parse(toRfc822DateTime(d, 'Asia/Tehran'))).toBe(Date.parse('2021-03-23T10:30:00+04:30'));
  });
});
