import { toOffsetIso } from '@/lib/events/zoned-time';
import type { Partner } from '@/lib/events/links';

export type JsonLdEventInput = {
  url: string;
  title: string;
  summary: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: 'ONLINE' | 'IN_PERSON' | 'HYBRID';
  cancelled: boolean;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  image: string | null;
  registrationUrl: string | null;
  partners: Partner[];
  organizer: { name: string; url: string };
  inLanguage: string;
};

const ATTENDANCE = {
  ONLINE: 'https://schema.org/OnlineEventAttendanceMode',
  IN_PERSON: 'https://schema.org/OfflineEventAttendanceMode',
  HYBRID: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/** schema.org Event (https://schema.org/Event), with times in the event's own offset. */
export function eventJsonLd(e: JsonLdEventInput): Record<string, unknown> {
  const place =
    e.venueName || e.venueAddress || e.city
      ? {
          '@type': 'Place',
          name: e.venueName ?? e.city ?? undefined,
          address: { '@type': 'PostalAddress', streetAddress: e.venueAddress ?? undefined, addressLocality: e.city ?? undefined },
        }
      : null;
  const virtual = { '@type': 'VirtualLocation', url: e.registrationUrl ?? e.url };
  const location = e.mode === 'ONLINE' ? virtual : e.mode === 'HYBRID' ? [virtual, place].filter(Boolean) : place;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary ?? undefined,
    url: e.url,
    inLanguage: e.inLanguage,
    startDate: toOffsetIso(new Date(e.startsAt), e.timeZone),
    endDate: toOffsetIso(new Date(e.endsAt), e.timeZone),
    eventStatus: e.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[e.mode],
    location: location ?? undefined,
    image: e.image ? [e.image] : undefined,
    organizer: { '@type': 'Organization', name: e.organizer.name, url: e.organizer.url },
    sponsor: e.partners.length ? e.partners.map((p) => ({ '@type': 'Organization', name: p.name, url: p.url ?? undefined })) : undefined,
    offers: e.registrationUrl ? { '@type': 'Offer', url: e.registrationUrl } : undefined,
  };
}

/** JSON for a `<script>` element: `<` escaped so no text in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
