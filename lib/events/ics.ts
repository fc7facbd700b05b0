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
  return `${id}@${host}`;
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
    name: options.name,
    description: options.description ?? null,
    url: options.url,
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
      summary: e.title,
      description: e.description ? `${e.description}\n\n${e.url}` : e.url,
      location: e.location,
      url: e.url,
      categories: [{ name: e.category }],
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
