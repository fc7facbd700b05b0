import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from '@js-temporal/polyfill';
import { vtimezone } from '@/lib/events/vtimezone';

/** What a calendar entry needs; the DAL builds it, this module knows nothing of the database. */
export type CalendarEntry = {
  id: string;
  url: string;
  title: string;
  description: string;
  location: string | null;
  category: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  cancelled: boolean;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
};

export type CalendarOptions = {
  name: string;
  description?: string;
  /** The page the calendar belongs to. */
  url: string;
  /** Host part of every UID: stable as long as the site keeps its domain. */
  uidHost: string;
  /** For a subscription: how often clients should fetch it again, in seconds. */
  refreshSeconds?: number;
};

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** UID that survives slug and title changes: calendar clients match updates and cancellations on it. */
export function eventUid(id: string, host: string): string {
  return oneLine(`${id}@${host}`);
}

// RFC 5545 allows no control character in a value but HTAB; a line break ends the property and
// whatever follows it becomes a property of its own. The text ical-generator writes for an event
// it escapes itself (`\n`, `\;`), but the calendar's own NAME, X-WR-CALNAME, X-WR-CALDESC, URL and
// every UID it writes as they are.
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;

/** One line: every run of control characters (line breaks included) becomes a space. */
function oneLine(text: string): string {
  return text.replace(CONTROLS, ' ').trim();
}

/** Several lines: line breaks kept as `\n`, every other control character dropped. */
function lines(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(CONTROLS, ''))
    .join('\n');
}

/**
 * Text of several lines for a property ical-generator writes as it is, escaped the way it escapes
 * an event's (RFC 5545 3.3.11). One line of text needs no escaping to stay one property, and the
 * calendar's name is left unescaped as readers show X-WR-CALNAME and NAME as written.
 */
function escapedText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** A URI value: one that parses, in its serialized form (no spaces, no control characters). */
function uri(value: string): string {
  return new URL(oneLine(value)).href;
}

function zoned(instant: Date, zone: string) {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}

/**
 * An RFC 5545 calendar. Times carry their event's TZID with a VTIMEZONE for each zone, so a
 * client shows the organiser's wall clock; DTSTAMP and LAST-MODIFIED are the event's last change,
 * which keeps the file byte-identical until the event changes.
 */
export function buildCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
  const ranges = new Map<string, { from: Date; to: Date }>();
  for (const e of entries) {
    const r = ranges.get(e.timeZone);
    ranges.set(e.timeZone, {
      from: r && r.from < e.startsAt ? r.from : e.startsAt,
      to: r && r.to > e.endsAt ? r.to : e.endsAt,
    });
  }
  const calendar = ical({
    prodId: { company: 'Qiao', product: 'Events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: oneLine(options.name),
    description: options.description ? escapedText(lines(options.description)) : null,
    url: uri(options.url),
    ttl: options.refreshSeconds ?? null,
    // No calendar-wide zone (it would turn DTSTAMP into local time); the generator is asked
    // once for every zone the events use.
    timezone: {
      name: null,
      generator: (zone) => {
        const range = ranges.get(zone);
        return range ? vtimezone(zone, range.from, range.to) : null;
      },
    },
  });
  for (const e of entries) {
    calendar.createEvent({
      id: eventUid(e.id, options.uidHost),
      sequence: e.sequence,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      start: zoned(e.startsAt, e.timeZone),
      end: zoned(e.endsAt, e.timeZone),
      timezone: e.timeZone === 'UTC' ? null : e.timeZone,
      summary: oneLine(e.title),
      description: e.description ? `${lines(e.description)}\n\n${uri(e.url)}` : uri(e.url),
      location: e.location === null ? null : oneLine(e.location),
      url: uri(e.url),
      categories: [{ name: oneLine(e.category) }],
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** `Content-Disposition` for a download; the ASCII fallback keeps old clients happy. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
