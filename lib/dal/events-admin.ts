import 'server-only';
import { db } from '@/lib/db';
import { requireRole } from '@/lib/dal/session';
import { withRetry } from '@/lib/dal/content';
import { eventBeforeSelect, EventWriteError, prepareEvent, writeCancel, writeDelete, writeEvent } from '@/lib/dal/event-writes';
import type { EventInput } from '@/lib/validations/events';
import { isPublicAt } from '@/lib/events/visibility';
import type { Locale } from '@/lib/i18n/routing';

// Every function here starts with requireRole('ADMIN'): pages and actions check too, but this is
// the gate a direct call cannot get around.

export { EventWriteError };

export const ADMIN_PAGE_SIZE = 25;

export type AdminEventRow = {
  id: string;
  slug: string;
  title: string;
  type: EventInput['type'];
  status: EventInput['status'];
  /** Visible to visitors now (a scheduled event whose time has come counts). */
  live: boolean;
  publishAt: string | null;
  startsAt: string;
  timeZone: string;
  locales: string[];
  updatedAt: string;
};

export async function listAdminEvents(page: number, viewer: Locale) {
  await requireRole('ADMIN');
  const now = new Date();
  const [total, rows] = await Promise.all([
    db.event.count(),
    db.event.findMany({
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        type: true,
        status: true,
        publishAt: true,
        startsAt: true,
        timeZone: true,
        updatedAt: true,
        localizations: { select: { locale: true, title: true } },
      },
    }),
  ]);
  const items: AdminEventRow[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: (r.localizations.find((l) => l.locale === viewer) ?? r.localizations[0])?.title ?? r.slug,
    type: r.type,
    status: r.status,
    live: isPublicAt(r.status, r.publishAt, now),
    publishAt: r.publishAt?.toISOString() ?? null,
    startsAt: r.startsAt.toISOString(),
    timeZone: r.timeZone,
    locales: r.localizations.map((l) => l.locale).sort(),
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

export type EditableEvent = EventInput & { id: string; slug: string; version: number; sequence: number };

export async function getEventForEdit(id: string): Promise<EditableEvent | null> {
  await requireRole('ADMIN');
  const row = await db.event.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      version: true,
      sequence: true,
      type: true,
      status: true,
      publishAt: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      mode: true,
      venueName: true,
      venueAddress: true,
      city: true,
      registrationUrl: true,
      registrationDeadline: true,
      capacity: true,
      coverImage: true,
      partners: true,
      localizations: { orderBy: { locale: 'asc' }, select: { locale: true, title: true, summary: true, description: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    partners: Array.isArray(row.partners) ? (row.partners as EventInput['partners']) : [],
    localizations: row.localizations.filter((l): l is typeof l & { locale: Locale } => l.locale === 'en' || l.locale === 'zh'),
  };
}

export async function createEvent(input: EventInput): Promise<{ id: string; slug: string }> {
  const user = await requireRole('ADMIN');
  const prepared = await prepareEvent(input);
  return withRetry(() => db.$transaction((tx) => writeEvent(tx, prepared, { before: null, actorId: user.id })));
}

/** Throws EventWriteError: NOT_FOUND, CONFLICT (someone saved since `baseVersion`), SLUG_TAKEN. */
export async function updateEvent(id: string, baseVersion: number, input: EventInput): Promise<{ id: string; slug: string; previousSlug: string }> {
  const user = await requireRole('ADMIN');
  const prepared = await prepareEvent(input);
  return db.$transaction(async (tx) => {
    const before = await tx.event.findUnique({ where: { id }, select: eventBeforeSelect });
    if (!before) throw new EventWriteError('NOT_FOUND');
    const saved = await writeEvent(tx, prepared, { before, baseVersion, actorId: user.id });
    return { ...saved, previousSlug: before.slug };
  });
}

/** A draft copy with the same content, to be edited into next year's edition. */
export async function duplicateEvent(id: string): Promise<{ id: string; slug: string }> {
  await requireRole('ADMIN');
  const source = await getEventForEdit(id);
  if (!source) throw new EventWriteError('NOT_FOUND');
  const { id: _id, slug: _slug, version: _version, sequence: _sequence, ...content } = source;
  return createEvent({ ...content, slug: null, status: 'DRAFT', publishAt: null });
}

export async function cancelEvent(id: string): Promise<{ slug: string }> {
  const user = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const before = await tx.event.findUnique({ where: { id }, select: eventBeforeSelect });
    if (!before) throw new EventWriteError('NOT_FOUND');
    return writeCancel(tx, before, user.id);
  });
}

export async function deleteEvent(id: string): Promise<{ slug: string }> {
  const user = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const before = await tx.event.findUnique({ where: { id }, select: eventBeforeSelect });
    if (!before) throw new EventWriteError('NOT_FOUND');
    await writeDelete(tx, before, user.id);
    return { slug: before.slug };
  });
}
