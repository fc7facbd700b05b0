import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { markdown } from '@/lib/markdown/shared-pool';
import { slugify } from '@/lib/content/import/names';
import { writeAudit } from '@/lib/dal/audit';
import { eventInputSchema, EVENT_SLUG, type EventInput } from '@/lib/validations/events';
import { publishAtFor, statusAuditActions, type EventStatusName } from '@/lib/events/visibility';
import { toWallTime } from '@/lib/events/zoned-time';

// The one place event rows are written, shared by the admin DAL (which checks the role first)
// and the demo loader (which runs as the operator). Not for pages or actions.

type Tx = Prisma.TransactionClient;

export class EventWriteError extends Error {
  constructor(readonly code: 'SLUG_TAKEN' | 'NOT_FOUND' | 'CONFLICT') {
    super(code);
  }
}

export const eventBeforeSelect = { id: true, slug: true, status: true, publishAt: true, version: true, coverImage: true } satisfies Prisma.EventSelect;
type Before = Prisma.EventGetPayload<{ select: typeof eventBeforeSelect }>;

function generatedSlug(input: EventInput): string {
  const english = input.localizations.find((l) => l.locale === 'en')?.title ?? '';
  // ASCII only: an event URL is typed and shared in both languages.
  const ascii = slugify(english.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''), 60).replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (EVENT_SLUG.test(ascii)) return ascii;
  return `event-${toWallTime(input.startsAt, input.timeZone).slice(0, 10)}`;
}

async function freeSlug(tx: Tx, wanted: string, explicit: boolean, ownId: string | null): Promise<string> {
  const taken = async (slug: string) => {
    const row = await tx.event.findUnique({ where: { slug }, select: { id: true } });
    return row !== null && row.id !== ownId;
  };
  if (!(await taken(wanted))) return wanted;
  if (explicit) throw new EventWriteError('SLUG_TAKEN');
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${wanted.slice(0, 74)}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new EventWriteError('SLUG_TAKEN');
}

function columns(input: EventInput) {
  return {
    type: input.type,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    mode: input.mode,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    city: input.city,
    registrationUrl: input.registrationUrl,
    registrationDeadline: input.registrationDeadline,
    capacity: input.capacity,
    coverImage: input.coverImage,
    partners: input.partners,
  };
}

/** An event's input, checked, with each description rendered and sanitized: pages serve the stored HTML. */
export type PreparedEvent = { input: EventInput; html: Map<string, string> };

/**
 * Checks and renders an event before its transaction opens: rendering runs on the Markdown
 * workers and may wait for one, which must not hold a transaction (and its locks) open.
 */
export async function prepareEvent(raw: EventInput): Promise<PreparedEvent> {
  const input = eventInputSchema.parse(raw);
  const html = new Map(await Promise.all(input.localizations.map(async (l) => [l.locale, (await markdown().run('render', l.description)).html] as const)));
  return { input, html };
}

async function writeLocalizations(tx: Tx, eventId: string, { input, html }: PreparedEvent) {
  await tx.eventLocalization.deleteMany({ where: { eventId, locale: { notIn: input.localizations.map((l) => l.locale) } } });
  for (const l of input.localizations) {
    const data = { title: l.title, summary: l.summary, description: l.description, html: html.get(l.locale) ?? '' };
    await tx.eventLocalization.upsert({
      where: { eventId_locale: { eventId, locale: l.locale } },
      create: { eventId, locale: l.locale, ...data },
      update: data,
    });
  }
}

async function audit(tx: Tx, actorId: string | null, actions: string[], event: { id: string; slug: string }, data: Record<string, string | null>) {
  for (const action of actions) await writeAudit(tx, { actorId, action, targetType: 'Event', targetId: event.id, data: { slug: event.slug, ...data } });
}

/**
 * Creates (`before` null) or updates an event. An update names the version it was based on and
 * fails with CONFLICT when someone saved in between, instead of overwriting their change.
 */
export async function writeEvent(
  tx: Tx,
  prepared: PreparedEvent,
  options: {
    before: Before | null;
    baseVersion?: number;
    actorId: string | null;
    now?: Date;
    /** For events loaded from elsewhere: when a published event was first announced. */
    announcedAt?: Date | null;
  },
): Promise<{ id: string; slug: string }> {
  const { input } = prepared;
  const now = options.now ?? new Date();
  const { before } = options;
  const next = { status: input.status as EventStatusName, publishAt: input.publishAt };
  const publishAt =
    options.announcedAt && !before && input.status === 'PUBLISHED'
      ? options.announcedAt
      : publishAtFor(next, before ? { status: before.status, publishAt: before.publishAt } : null, now);
  const actions = statusAuditActions(next, before, now);

  let saved: { id: string; slug: string };
  if (!before) {
    const slug = await freeSlug(tx, input.slug ?? generatedSlug(input), input.slug !== null, null);
    saved = await tx.event.create({ data: { slug, status: input.status, publishAt, ...columns(input) }, select: { id: true, slug: true } });
  } else {
    const slug = input.slug && input.slug !== before.slug ? await freeSlug(tx, input.slug, true, before.id) : before.slug;
    const { count } = await tx.event.updateMany({
      where: { id: before.id, version: options.baseVersion ?? before.version },
      // Every saved change is one a subscribed calendar should pick up.
      data: { slug, status: input.status, publishAt, ...columns(input), sequence: { increment: 1 }, version: { increment: 1 } },
    });
    if (count === 0) throw new EventWriteError('CONFLICT');
    saved = { id: before.id, slug };
  }
  await writeLocalizations(tx, saved.id, prepared);
  await audit(tx, options.actorId, actions, saved, { publishAt: publishAt?.toISOString() ?? null });
  // A changed cover is audited like a status change: it is what the public page shows first.
  if (before && before.coverImage !== input.coverImage) await audit(tx, options.actorId, ['event.cover'], saved, { from: before.coverImage, to: input.coverImage });
  return saved;
}

/** Cancels an event: it stays visible when visitors could already see it, marked cancelled. */
export async function writeCancel(tx: Tx, before: Before, actorId: string | null, now = new Date()) {
  if (before.status === 'CANCELLED') return { id: before.id, slug: before.slug };
  const publishAt = publishAtFor({ status: 'CANCELLED', publishAt: null }, before, now);
  await tx.event.update({
    where: { id: before.id },
    data: { status: 'CANCELLED', publishAt, sequence: { increment: 1 }, version: { increment: 1 } },
    select: { id: true },
  });
  await audit(tx, actorId, ['event.cancel'], before, { previousStatus: before.status });
  return { id: before.id, slug: before.slug };
}

export async function writeDelete(tx: Tx, before: Before, actorId: string | null) {
  const title = await tx.eventLocalization.findFirst({ where: { eventId: before.id }, orderBy: { locale: 'asc' }, select: { title: true } });
  await tx.event.delete({ where: { id: before.id }, select: { id: true } });
  await audit(tx, actorId, ['event.delete'], before, { previousStatus: before.status, title: title?.title ?? null });
}
