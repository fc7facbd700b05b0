import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, listTimeZones, resolveWallTime, toOffsetIso, toWallTime } from '@/lib/events/zoned-time';

function instant(wall: string, zone: string): string {
  const r = resolveWallTime(wall, zone);
  if (!r.ok) throw new Error(r.problem);
  return r.instant.toISOString();
}

describe('wall-clock times in a time zone', () => {
  it('turns Asia/Shanghai times into instants at UTC+8, all year round', () => {
    expect(instant('2026-01-15T09:00', 'Asia/Shanghai')).toBe('2026-01-15T01:00:00.000Z');
    expect(instant('2026-07-15T09:00', 'Asia/Shanghai')).toBe('2026-07-15T01:00:00.000Z');
    // Midnight at the turn of the year belongs to the new year locally and the old one in UTC.
    expect(instant('2027-01-01T00:00', 'Asia/Shanghai')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('knows China had summer time from 1986 to 1991: a gap in April, a repeated hour in September', () => {
    expect(resolveWallTime('1991-04-14T02:30', 'Asia/Shanghai')).toEqual({ ok: false, problem: 'nonexistent' });
    expect(resolveWallTime('1991-09-15T01:30', 'Asia/Shanghai')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(instant('1991-07-01T12:00', 'Asia/Shanghai')).toBe('1991-07-01T03:00:00.000Z');
  });

  it('refuses a time the clocks skip when they go forward (America/New_York, 8 March 2026)', () => {
    expect(resolveWallTime('2026-03-08T02:30', 'America/New_York')).toEqual({ ok: false, problem: 'nonexistent' });
    expect(resolveWallTime('2026-03-08T02:00', 'America/New_York')).toEqual({ ok: false, problem: 'nonexistent' });
    // Either side of the gap is fine, and an hour of wall clock is one hour less in UTC terms.
    expect(instant('2026-03-08T01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(instant('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('refuses a time the clocks pass twice when they go back (America/New_York, 1 November 2026)', () => {
    expect(resolveWallTime('2026-11-01T01:30', 'America/New_York')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(resolveWallTime('2026-11-01T01:00', 'America/New_York')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(instant('2026-11-01T00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
    expect(instant('2026-11-01T02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles the southern hemisphere, where the clocks go back in April (Australia/Sydney)', () => {
    expect(resolveWallTime('2026-04-05T02:30', 'Australia/Sydney')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(resolveWallTime('2026-10-04T02:30', 'Australia/Sydney')).toEqual({ ok: false, problem: 'nonexistent' });
  });

  it('refuses unknown zones and malformed or impossible dates', () => {
    expect(resolveWallTime('2026-06-01T10:00', 'Mars/Olympus_Mons')).toEqual({ ok: false, problem: 'unknownZone' });
    expect(resolveWallTime('2026-06-01T10:00', '')).toEqual({ ok: false, problem: 'unknownZone' });
    expect(resolveWallTime('2026-02-30T10:00', 'Asia/Shanghai')).toEqual({ ok: false, problem: 'invalid' });
    expect(resolveWallTime('2026-06-01T24:00', 'Asia/Shanghai')).toEqual({ ok: false, problem: 'invalid' });
    expect(resolveWallTime('next tuesday', 'Asia/Shanghai')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('spells zones canonically and lists the zones to choose from', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Not/AZone')).toBeNull();
    const zones = listTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('America/New_York');
    expect(zones.every((z) => canonicalTimeZone(z) !== null)).toBe(true);
  });

  it('shows an instant back as the wall clock of its zone, the same for every viewer', () => {
    const r = resolveWallTime('2026-03-08T03:15', 'America/New_York');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toWallTime(r.instant, 'America/New_York')).toBe('2026-03-08T03:15');
    expect(toWallTime(r.instant, 'Asia/Shanghai')).toBe('2026-03-08T15:15');
    expect(toOffsetIso(r.instant, 'America/New_York')).toBe('2026-03-08T03:15:00-04:00');
    expect(toOffsetIso(r.instant, 'Asia/Shanghai')).toBe('2026-03-08T15:15:00+08:00');
  });
});
