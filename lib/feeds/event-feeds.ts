import 'server-only';
import { Feed } from 'feed';
import { getTranslations } from 'next-intl/server';
import { getPublicEvent, listCalendarEvents, listNewEvents, type EventCard } from '@/lib/dal/events';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';
import type { Locale } from '@/lib/i18n/routing';
import { absoluteUrl, HREFLANG } from '@/lib/site';
import { env } from '@/lib/env';
import { attachmentDisposition, buildCalendar, ICS_CONTENT_TYPE, type CalendarEntry } from '@/lib/events/ics';
import { TYPE_KEY, MODE_KEY } from '@/lib/events/labels';
import { htmlFromText, xmlText } from '@/lib/feeds/text';

const UID_HOST = new URL(env.SITE_URL).hostname;

async function entryMaker(locale: Locale) {
  const types = await getTranslations({ locale, namespace: 'EventType' });
  const modes = await getTranslations({ locale, namespace: 'EventMode' });
  return (e: EventCard & { description: string }): CalendarEntry => {
    const place = [e.venueName, e.venueAddress, e.city].filter(Boolean).join(', ');
    return {
      id: e.id,
      url: absoluteUrl(`/${locale}/events/${e.slug}`),
      title: e.title,
      description: [e.summary, e.description].filter(Boolean).join('\n\n'),
      location: e.mode === 'ONLINE' || !place ? modes(MODE_KEY[e.mode]) : place,
      category: types(TYPE_KEY[e.type]),
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      timeZone: e.timeZone,
      cancelled: e.cancelled,
      sequence: e.sequence,
      createdAt: new Date(e.createdAt),
      updatedAt: new Date(e.updatedAt),
    };
  };
}

export function calendarResponse(body: string, fileName: string, cacheSeconds: number): Response {
  return new Response(body, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': attachmentDisposition(fileName),
      'Cache-Control': `public, max-age=${cacheSeconds}, s-maxage=${cacheSeconds}`,
    },
  });
}

/** One event's .ics, or null when it is not public. */
export async function eventCalendar(slug: string, locale: Locale): Promise<string | null> {
  const event = await getPublicEvent(slug, locale);
  if (!event) return null;
  const toEntry = await entryMaker(locale);
  return buildCalendar([toEntry(event)], { name: event.title, url: absoluteUrl(`/${locale}/events/${event.slug}`), uidHost: UID_HOST });
}

/** Every public event, for calendar subscriptions. */
export async function eventsCalendar(locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Events' });
  const site = await getSiteSettings(locale);
  const toEntry = await entryMaker(locale);
  const events = await listCalendarEvents(locale);
  return buildCalendar(events.map(toEntry), {
    name: `${site.title} · ${t('title')}`,
    description: t('description'),
    url: absoluteUrl(`/${locale}/events`),
    uidHost: UID_HOST,
    refreshSeconds: 3600,
  });
}

/** RSS of newly announced events. */
export async function eventsRss(locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Events' });
  const site = await getSiteSettings(locale);
  const events = await listNewEvents(locale);
  const feed = new Feed({
    id: absoluteUrl(`/${locale}/events`),
    link: absoluteUrl(`/${locale}/events`),
    title: `${site.title} · ${t('title')}`,
    description: t('description'),
    language: HREFLANG[locale],
    updated: events[0] ? new Date(events[0].updatedAt) : new Date(0),
    generator: false,
    copyright: site.title,
    feedLinks: { rss: absoluteUrl(`/feed/${locale}/events.xml`) },
  });
  for (const e of events) {
    const link = absoluteUrl(`/${locale}/events/${e.slug}`);
    feed.addItem({
      id: link,
      link,
      title: htmlFromText(e.cancelled ? t('cancelledTitle', { title: e.title }) : e.title),
      description: e.summary ? htmlFromText(e.summary) : undefined,
      content: xmlText(e.html),
      date: new Date(e.publishedAt),
      published: new Date(e.publishedAt),
    });
  }
  return feed.rss2();
}
