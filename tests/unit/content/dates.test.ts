import { describe, expect, it } from 'vitest';
import { dayInZone, formatShortRange, parseDay, parseDayRange, zonedTime } from '@/lib/content/import/dates';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('dates as repositories write them', () => {
  it('reads the forms _blog.yml uses, and refuses what is not a date', () => {
    expect(parseDay('February 14, 2020')).toEqual({ day: day(2020, 2, 14), precise: true });
    expect(parseDay('Sep 10, 2020')?.day).toEqual(day(2020, 9, 10));
    expect(parseDay('Sept 10, 2020')?.day).toEqual(day(2020, 9, 10));
    expect(parseDay('November 09, 2020')?.day).toEqual(day(2020, 11, 9));
    expect(parseDay('2023-04-22')?.day).toEqual(day(2023, 4, 22));
    expect(parseDay('2025-07-25T00:00:00Z')?.day).toEqual(day(2025, 7, 25));
    expect(parseDay('22 April 2023')?.day).toEqual(day(2023, 4, 22));
    expect(parseDay('2023年4月22日')?.day).toEqual(day(2023, 4, 22));
    // Hugging Face's own index has "March, 2020" for an old post.
    expect(parseDay('March, 2020')).toEqual({ day: day(2020, 3, 1), precise: false });
    for (const bad of ['sometime soon', 'Foo 3, 2020', 'February 30, 2020', '', 42, null]) expect(parseDay(bad)).toBeNull();
  });

  it('reads event ranges, borrowing month and year from the other end', () => {
    expect(parseDayRange('Jan 24 to Feb 7, 2022')).toEqual({ start: day(2022, 1, 24), end: day(2022, 2, 7) });
    expect(parseDayRange('Jan 7 & 8, 2022')).toEqual({ start: day(2022, 1, 7), end: day(2022, 1, 8) });
    expect(parseDayRange('April 22-23, 2023')).toEqual({ start: day(2023, 4, 22), end: day(2023, 4, 23) });
    expect(parseDayRange('Dec 30, 2022 to Jan 2, 2023')).toEqual({ start: day(2022, 12, 30), end: day(2023, 1, 2) });
    expect(parseDayRange('2023-04-22 - 2023-04-23')).toEqual({ start: day(2023, 4, 22), end: day(2023, 4, 23) });
    expect(parseDayRange('Apr 20, 2026')).toEqual({ start: day(2026, 4, 20), end: day(2026, 4, 20) });
    expect(parseDayRange('Feb 7 to Jan 24, 2022')).toBeNull();
  });

  it('places all-day events in Shanghai time and reads them back as the same days', () => {
    const start = zonedTime(day(2026, 4, 18), 0, 0, 'Asia/Shanghai');
    expect(start.toISOString()).toBe('2026-04-17T16:00:00.000Z');
    const end = zonedTime(day(2026, 4, 20), 23, 59, 'Asia/Shanghai');
    expect(dayInZone(end, 'Asia/Shanghai')).toEqual(day(2026, 4, 20));
    // Across a daylight-saving change, local midnight is still midnight.
    expect(zonedTime(day(2026, 3, 29), 0, 0, 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(formatShortRange({ start: day(2022, 1, 24), end: day(2022, 2, 7) })).toBe('Jan 24 to Feb 7, 2022');
  });
});
