import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isLocale, locales, type Locale } from '@/lib/i18n/routing';
import { safeLinkUrl, type Partner } from '@/lib/events/links';

export const EVENT_PAGE_SIZE = 12;
// A subscription carries every public event; this bounds a runaway table, not a real calendar.
const CALENDAR_LIMIT = 2000;
const RSS_SIZE = 30;

export type EventWhen = 'upcoming' | 'past';
export type EventAttendance = 'online' | 'in-person';
export type EventTypeName = 'HACKATHON' | 'MEETUP' | 'COURSE' | 'COMPETITION' | 'TALK' | 'OTHER';
export type EventModeName = 'ONLINE' | 'IN_PERSON' | 'HYBRID';

/** Public now: published, or scheduled and due, or cancelled after visitors had seen it. */
export function publicWhere(now: Date): Prisma.EventWhereInput {
  return { OR: [{ status: 'PUBLISHED' }, { status: { in: ['SCHEDULED', 'CANCELLED'] }, publishAt: { lte: now } }] };
}

const baseSelect = {
  id: true,
  slug: true,
  type: true,
  status: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  venueAddress: true,
  city: true,
  coverImage: true,
  publishAt: true,
  sequence: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.EventSelect;

type BaseRow = Prisma.EventGetPayload<{ select: typeof baseSelect }>;
type Loc = { locale: string; title: string; summary: string | null };

export type EventCard = {
  id: string;
  slug: string;
  /** The language the title and summary are in: the viewer's when it exists. */
  locale: Locale;
  locales: Locale[];
  title: string;
  summary: string | null;
  type: EventTypeName;
  mode: EventModeName;
  cancelled: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  coverImage: string | null;
  publishedAt: string;
  sequence: number;
  createdAt: string;
  updatedAt: string;
};

function pick<L extends Loc>(localizations: L[], viewer: Locale): L | undefined {
  return localizations.find((l) => l.locale === viewer) ?? localizations.find((l) => l.locale === 'en') ?? localizations[0];
}

function toCard(row: BaseRow & { localizations: Loc[] }, viewer: Locale): EventCard | null {
  const shown = pick(row.localizations, viewer);
  if (!shown) return null;
  return {
    id: row.id,
    slug: row.slug,
    locale: isLocale(shown.locale) ? shown.locale : viewer,
    locales: locales.filter((l) => row.localizations.some((x) => x.locale === l)),
    title: shown.title,
    summary: shown.summary,
    type: row.type,
    mode: row.mode,
    cancelled: row.status === 'CANCELLED',
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    city: row.city,
    coverImage: row.coverImage,
    publishedAt: (row.publishAt ?? row.createdAt).toISOString(),
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const cardSelect = { ...baseSelect, localizations: { select: { locale: true, title: true, summary: true } } } satisfies Prisma.EventSelect;

export type EventQuery = { when: EventWhen; type: EventTypeName | null; attendance: EventAttendance | null; page: number };

/** Upcoming (still running or to come) soonest first; past latest first. */
export async function listEvents(viewer: Locale, query: EventQuery, now = new Date()) {
  const where: Prisma.EventWhereInput = {
    AND: [
      publicWhere(now),
      query.when === 'upcoming' ? { endsAt: { gte: now } } : { endsAt: { lt: now } },
      query.type ? { type: query.type } : {},
      query.attendance ? { mode: { in: query.attendance === 'online' ? ['ONLINE', 'HYBRID'] : ['IN_PERSON', 'HYBRID'] } } : {},
      { localizations: { some: {} } },
    ],
  };
  const order = query.when === 'upcoming' ? 'asc' : 'desc';
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ startsAt: order }, { id: order }],
      skip: (query.page - 1) * EVENT_PAGE_SIZE,
      take: EVENT_PAGE_SIZE,
      select: cardSelect,
    }),
  ]);
  const items = rows.map((r) => toCard(r, viewer)).filter((c): c is EventCard => c !== null);
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)) };
}

export type EventView = EventCard & {
  html: string;
  description: string;
  registrationUrl: string | null;
  registrationDeadline: string | null;
  capacity: number | null;
  partners: Partner[];
  /** Other languages the event is written in. */
  alternates: { locale: Locale; title: string }[];
};

/** A public event in the viewer's language when it has one, else in the language it has. */
export const getPublicEvent = cache(async (slug: string, viewer: Locale): Promise<EventView | null> => {
  const row = await db.event.findFirst({
    where: { AND: [{ slug }, publicWhere(new Date())] },
    select: {
      ...baseSelect,
      registrationUrl: true,
      registrationDeadline: true,
      capacity: true,
      partners: true,
      localizations: { select: { locale: true, title: true, summary: true, description: true, html: true } },
    },
  });
  if (!row) return null;
  const card = toCard(row, viewer);
  const shown = pick(row.localizations, viewer);
  if (!card || !shown) return null;
  const partners = (Array.isArray(row.partners) ? (row.partners as Partner[]) : []).map((p) => ({
    name: String(p.name ?? ''),
    url: p.url ? safeLinkUrl(p.url) : null,
    logo: p.logo ?? null,
  }));
  return {
    ...card,
    html: shown.html,
    description: shown.description,
    registrationUrl: row.registrationUrl ? safeLinkUrl(row.registrationUrl) : null,
    registrationDeadline: row.registrationDeadline?.toISOString() ?? null,
    capacity: row.capacity,
    partners: partners.filter((p) => p.name),
    alternates: row.localizations.filter((l) => isLocale(l.locale) && l.locale !== card.locale).map((l) => ({ locale: l.locale as Locale, title: l.title })),
  };
});

export type CalendarEvent = EventCard & { description: string };

/** Every public event for a language's subscription feed, with its description as written. */
export async function listCalendarEvents(viewer: Locale): Promise<CalendarEvent[]> {
  const rows = await db.event.findMany({
    where: { AND: [publicWhere(new Date()), { localizations: { some: {} } }] },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: CALENDAR_LIMIT,
    select: { ...baseSelect, localizations: { select: { locale: true, title: true, summary: true, description: true } } },
  });
  return rows.flatMap((r) => {
    const card = toCard(r, viewer);
    return card ? [{ ...card, description: pick(r.localizations, viewer)?.description ?? '' }] : [];
  });
}

/** The newest public events for the RSS feed: by when they were announced. */
export async function listNewEvents(viewer: Locale): Promise<(EventCard & { html: string })[]> {
  const rows = await db.event.findMany({
    where: { AND: [publicWhere(new Date()), { localizations: { some: {} } }] },
    orderBy: [{ publishAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: RSS_SIZE,
    select: { ...baseSelect, localizations: { select: { locale: true, title: true, summary: true, html: true } } },
  });
  return rows.flatMap((r) => {
    const card = toCard(r, viewer);
    return card ? [{ ...card, html: pick(r.localizations, viewer)?.html ?? '' }] : [];
  });
}

export type SitemapEvent = { slug: string; updatedAt: Date; locales: Locale[] };

export async function listSitemapEvents(): Promise<SitemapEvent[]> {
  const rows = await db.event.findMany({
    where: publicWhere(new Date()),
    orderBy: { startsAt: 'desc' },
    take: CALENDAR_LIMIT,
    select: { slug: true, updatedAt: true, localizations: { select: { locale: true } } },
  });
  return rows
    .map((r) => ({ slug: r.slug, updatedAt: r.updatedAt, locales: locales.filter((l) => r.localizations.some((x) => x.locale === l)) }))
    .filter((r) => r.locales.length > 0);
}
