import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendar, type CalendarEntry, type CalendarOptions } from '@/lib/events/ics';

// A line break in a value ends its property, and what follows becomes a property of its own: a
// Chinese title "XSS活动\r\nURL:https://evil.example/ics" put a URL of its choosing at the level
// of the whole calendar. Each text field gets every kind of control character here, and the file
// is read back as a calendar client reads it (ical.js).

const CONTROLS = ['\r\n', '\n', '\r', '\t', '\u000b', '\u000c', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029'];
const INJECTED = 'X-INJECTED:1';

const entry = (inject: (field: string) => string): CalendarEntry => ({
  id: inject('ckev1'),
  url: inject('https://qiao.example/zh/events/xss'),
  title: inject('XSS活动'),
  description: inject('Bring a laptop.'),
  location: inject('Online'),
  category: inject('Hackathon'),
  startsAt: new Date('2026-12-05T06:00:00Z'),
  endsAt: new Date('2026-12-05T10:00:00Z'),
  timeZone: 'UTC',
  cancelled: false,
  sequence: 0,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-02T00:00:00Z'),
});

const calendarOptions = (inject: (field: string) => string): CalendarOptions => ({
  name: inject('Qiao · 活动'),
  description: inject('Community events'),
  url: inject('https://qiao.example/zh/events'),
  uidHost: inject('qiao.example'),
  refreshSeconds: 3600,
});

const CALENDAR_PROPERTIES = ['version', 'prodid', 'url', 'method', 'name', 'x-wr-calname', 'x-wr-caldesc', 'refresh-interval', 'x-published-ttl'];
const EVENT_PROPERTIES = ['uid', 'sequence', 'dtstamp', 'dtstart', 'dtend', 'summary', 'location', 'description', 'categories', 'url', 'status', 'created', 'last-modified'];

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

const names = (component: ICAL.Component) => component.getAllProperties().map((p) => p.name);
const texts = (component: ICAL.Component) =>
  component.getAllProperties().flatMap((p) => p.getValues().map((v) => [p.name, String(v)] as const));

afterEach(() => ICAL.TimezoneService.reset());

describe('control characters in what an .ics file is built from', () => {
  it('never start a property of their own, at the calendar’s level or an event’s', () => {
    for (const control of CONTROLS) {
      const inject = (value: string) => `${value}${control}${INJECTED}`;
      const text = buildCalendar([entry(inject)], calendarOptions(inject));
      const { calendar, events } = parse(text);
      const shown = JSON.stringify(control);
      expect(names(calendar).sort(), shown).toEqual([...CALENDAR_PROPERTIES].sort());
      expect(events, shown).toHaveLength(1);
      expect(names(events[0]!).sort(), shown).toEqual([...EVENT_PROPERTIES].sort());
      // No line of the file, once unfolded, is anything but a property the builder writes.
      for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n')) expect(line, shown).not.toMatch(/^X-INJECTED/i);
    }
  });

  it('leave no control character in any value but the line breaks of a description', () => {
    for (const control of CONTROLS) {
      const inject = (value: string) => `${value}${control}${INJECTED}`;
      const { calendar, events } = parse(buildCalendar([entry(inject)], calendarOptions(inject)));
      for (const [name, value] of [...texts(calendar), ...texts(events[0]!)]) {
        const allowed = name === 'description' || name === 'x-wr-caldesc' ? value.replace(/\n/g, '') : value;
        expect(allowed, `${name} with ${JSON.stringify(control)}`).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
      }
    }
  });

  it('turn the title of the report into one line of text, with the calendar’s own URL kept', () => {
    const title = 'XSS活动\r\nURL:https://evil.example/ics';
    const { calendar, events } = parse(
      buildCalendar([{ ...entry((v) => v), title }], { name: title, url: 'https://qiao.example/zh/events/xss', uidHost: 'qiao.example' }),
    );
    expect(calendar.getAllProperties('url').map((p) => String(p.getFirstValue()))).toEqual(['https://qiao.example/zh/events/xss']);
    expect(calendar.getFirstPropertyValue('name')).toBe('XSS活动 URL:https://evil.example/ics');
    expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toContain('XSS活动 URL:https://evil.example/ics');
    expect(events[0]!.getFirstPropertyValue('summary')).toBe('XSS活动 URL:https://evil.example/ics');
    expect(events[0]!.getAllProperties('url')).toHaveLength(1);
  });

  it('keep a description’s own lines, and the punctuation of names', () => {
    const { calendar, events } = parse(
      buildCalendar([{ ...entry((v) => v), description: 'Line one;\r\nline two, with a comma.\rline three' }], {
        name: 'Qiao; events, all',
        description: 'One\ntwo',
        url: 'https://qiao.example/en/events',
        uidHost: 'qiao.example',
      }),
    );
    expect(calendar.getFirstPropertyValue('name')).toBe('Qiao; events, all');
    expect(events[0]!.getFirstPropertyValue('description')).toBe('Line one;\nline two, with a comma.\nline three\n\nhttps://qiao.example/zh/events/xss');
  });
});
