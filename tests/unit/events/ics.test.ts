import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendar, eventUid, type CalendarEntry } from '@/lib/events/ics';
import { resolveWallTime } from '@/lib/events/zoned-time';

function at(wall: string, zone: string): Date {
  const r = resolveWallTime(wall, zone);
  if (!r.ok) throw new Error(`${wall} ${zone}: ${r.problem}`);
  return r.instant;
}

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    id: 'ckev1',
    url: 'https://qiao.example/en/events/lora-sprint',
    title: 'LoRA sprint; fine-tuning, together',
    description: 'Bring a laptop.\nWe provide GPUs.',
    location: 'Online',
    category: 'Hackathon',
    startsAt: at('2026-12-05T14:00', 'Asia/Shanghai'),
    endsAt: at('2026-12-05T18:00', 'Asia/Shanghai'),
    timeZone: 'Asia/Shanghai',
    cancelled: false,
    sequence: 0,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-02T03:04:05Z'),
    ...overrides,
  };
}

const options = { name: 'Qiao events', url: 'https://qiao.example/en/events', uidHost: 'qiao.example' };

/** Parses like a calendar client: the file's own VTIMEZONEs are the only zone data it gets. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
  return { calendar, events };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('iCalendar output, read back with ical.js', () => {
  it('describes one event with a stable UID, DTSTAMP, SEQUENCE, URL and its zone', () => {
    const e = entry({ sequence: 3 });
    const text = buildCalendar([e], options);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(events).toHaveLength(1);
    const { vevent, event } = events[0]!;
    expect(event.uid).toBe(eventUid('ckev1', 'qiao.example'));
    expect(event.summary).toBe(e.title);
    expect(event.description).toContain('We provide GPUs.');
    expect(event.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(event.startDate.toJSDate().getTime()).toBe(e.startsAt.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(e.endsAt.getTime());
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('url'))).toBe(e.url);
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(stamp.toJSDate().toISOString()).toBe('2026-11-02T03:04:05.000Z');
    expect(text).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261205T140000\r\n/);
    // Every line ends in CRLF and none is longer than 75 octets (RFC 5545 §3.1).
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled event CANCELLED and keeps its UID', () => {
    const { events } = parse(buildCalendar([entry({ cancelled: true, sequence: 4 })], options));
    expect(events[0]!.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.event.uid).toBe('ckev1@qiao.example');
    expect(events[0]!.vevent.getFirstPropertyValue('sequence')).toBe(4);
  });

  it('carries the DST rules a client needs for events across a change of offset', () => {
    const ny = [
      entry({ id: 'a', timeZone: 'America/New_York', startsAt: at('2026-03-07T09:00', 'America/New_York'), endsAt: at('2026-03-07T10:00', 'America/New_York') }),
      entry({ id: 'b', timeZone: 'America/New_York', startsAt: at('2026-03-09T09:00', 'America/New_York'), endsAt: at('2026-03-09T10:00', 'America/New_York') }),
      entry({ id: 'c', timeZone: 'America/New_York', startsAt: at('2026-11-02T09:00', 'America/New_York'), endsAt: at('2026-11-02T10:00', 'America/New_York') }),
      entry({ id: 'd', timeZone: 'Europe/Berlin', startsAt: at('2026-10-25T01:00', 'Europe/Berlin'), endsAt: at('2026-10-25T04:00', 'Europe/Berlin') }),
      entry({ id: 'e' }),
    ];
    const { calendar, events } = parse(buildCalendar(ny, options));
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual([
      'America/New_York',
      'Asia/Shanghai',
      'Europe/Berlin',
    ]);
    for (const source of ny) {
      const parsed = events.find((x) => x.event.uid === `${source.id}@qiao.example`)!;
      expect(parsed.event.startDate.toJSDate().toISOString(), source.id).toBe(source.startsAt.toISOString());
      expect(parsed.event.endDate.toJSDate().toISOString(), source.id).toBe(source.endsAt.toISOString());
    }
  });

  it('uses the zone rules in force at the time, such as China’s summer time of 1991', () => {
    const summer = entry({ startsAt: at('1991-07-01T12:00', 'Asia/Shanghai'), endsAt: at('1991-07-01T13:00', 'Asia/Shanghai') });
    const winter = entry({ id: 'w', startsAt: at('1991-12-01T12:00', 'Asia/Shanghai'), endsAt: at('1991-12-01T13:00', 'Asia/Shanghai') });
    const { events } = parse(buildCalendar([summer, winter], options));
    expect(events[0]!.event.startDate.toJSDate().toISOString()).toBe('1991-07-01T03:00:00.000Z');
    expect(events[1]!.event.startDate.toJSDate().toISOString()).toBe('1991-12-01T04:00:00.000Z');
  });

  it('writes UTC times for events in UTC, with no VTIMEZONE', () => {
    const e = entry({ timeZone: 'UTC', startsAt: new Date('2026-12-01T10:00:00Z'), endsAt: new Date('2026-12-01T11:00:00Z') });
    const text = buildCalendar([e], options);
    expect(text).toContain('DTSTART:20261201T100000Z');
    expect(text).not.toContain('VTIMEZONE');
    expect(parse(text).events[0]!.event.startDate.toJSDate().toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});
