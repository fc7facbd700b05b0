import type { EventInput } from '@/lib/validations/events';
import { DEFAULT_TIME_ZONE, toWallTime } from '@/lib/events/zoned-time';

/** An event as the admin form's field values; times as wall clock in the event's zone. */
export function eventFormValues(e: EventInput & { slug?: string | null }): Record<string, string> {
  const wall = (d: Date | null) => (d ? toWallTime(d, e.timeZone) : '');
  const values: Record<string, string> = {
    slug: e.slug ?? '',
    type: e.type,
    status: e.status,
    publishAt: e.status === 'SCHEDULED' ? wall(e.publishAt) : '',
    timeZone: e.timeZone,
    startsAt: wall(e.startsAt),
    endsAt: wall(e.endsAt),
    mode: e.mode,
    venueName: e.venueName ?? '',
    venueAddress: e.venueAddress ?? '',
    city: e.city ?? '',
    registrationUrl: e.registrationUrl ?? '',
    registrationDeadline: wall(e.registrationDeadline),
    capacity: e.capacity === null ? '' : String(e.capacity),
    coverImage: e.coverImage ?? '',
  };
  for (const l of e.localizations) {
    values[`title_${l.locale}`] = l.title;
    values[`summary_${l.locale}`] = l.summary ?? '';
    values[`description_${l.locale}`] = l.description;
  }
  e.partners.forEach((p, i) => {
    values[`partnerName${i}`] = p.name;
    values[`partnerUrl${i}`] = p.url ?? '';
    values[`partnerLogo${i}`] = p.logo ?? '';
  });
  return values;
}

export const NEW_EVENT_VALUES: Record<string, string> = { type: 'MEETUP', status: 'DRAFT', timeZone: DEFAULT_TIME_ZONE, mode: 'ONLINE' };
