import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';
import { lockForWrite } from '@/lib/dal/write-lock';
import { allowedActions, localizationStatus, type AdminStatus, type PublishingAction } from '@/lib/dal/post-status';

/** Expected refusals; the action layer shows each in the admin's language. */
export class PublishError extends Error {
  constructor(readonly code: 'notFound' | 'stale' | 'notAllowed' | 'noContent' | 'inPast') {
    super(code);
  }
}

export type Published = { slug: string; locale: string; status: AdminStatus; version: number };

type Change = { action: 'publish' } | { action: 'unpublish' } | { action: 'cancel' } | { action: 'schedule'; at: Date; timeZone: string };

/**
 * Post.publishedAt is when the post first became public on the site: the listing's order and
 * the date its card shows. A version going public (now or at a scheduled time) sets it when no
 * other version of the post has been public (one unpublished since still counts); a version
 * published again keeps its own first date, and so the post's.
 */
async function datePost(tx: Prisma.TransactionClient, postId: string, localizationId: string, at: Date, now: Date) {
  const post = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: { publishedAt: true } });
  const wasPublic = await tx.postLocalization.count({ where: { postId, publishedAt: { lte: now }, id: { not: localizationId } } });
  if (post.publishedAt === null || wasPublic === 0) await tx.post.update({ where: { id: postId }, data: { publishedAt: at } });
}

async function change(localizationId: string, version: number, request: Change): Promise<Published> {
  const actor = await requireRole('ADMIN');
  const now = new Date();
  if (request.action === 'schedule' && request.at.getTime() <= now.getTime()) throw new PublishError('inPast');
  return db.$transaction(async (tx) => {
    const head = await tx.postLocalization.findUnique({ where: { id: localizationId }, select: { post: { select: { slug: true } } } });
    if (!head) throw new PublishError('notFound');
    // The same lock as imports and content writes of this post: no interleaving with them.
    await lockForWrite(tx, `qiao:post:${head.post.slug}`);
    const loc = await tx.postLocalization.findUnique({
      where: { id: localizationId },
      select: { postId: true, locale: true, title: true, body: true, status: true, publishedAt: true, version: true },
    });
    if (!loc) throw new PublishError('notFound');
    if (loc.version !== version) throw new PublishError('stale');
    const from = localizationStatus(loc, now);
    if (!allowedActions(from).includes(request.action as PublishingAction)) throw new PublishError('notAllowed');

    let data: Prisma.PostLocalizationUpdateManyMutationInput;
    let to: AdminStatus;
    switch (request.action) {
      case 'publish': {
        // Back online after an unpublish, a version keeps the date it first went public.
        const keep = loc.publishedAt !== null && loc.publishedAt.getTime() <= now.getTime();
        data = { status: 'PUBLISHED', publishedAt: keep ? loc.publishedAt : now };
        to = 'published';
        break;
      }
      case 'schedule':
        data = { status: 'PUBLISHED', publishedAt: request.at };
        to = 'scheduled';
        break;
      case 'unpublish':
        // The date stays: a republished version goes back to its place in listings and feeds.
        data = { status: 'UNPUBLISHED' };
        to = 'unpublished';
        break;
      case 'cancel':
        // What it was before the schedule is not recorded; not public is what it is now.
        data = { status: 'UNPUBLISHED', publishedAt: null };
        to = 'unpublished';
        break;
    }
    if ((request.action === 'publish' || request.action === 'schedule') && (!loc.title.trim() || !loc.body.trim())) throw new PublishError('noContent');

    const { count } = await tx.postLocalization.updateMany({ where: { id: localizationId, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new PublishError('stale');
    if (data.publishedAt instanceof Date) await datePost(tx, loc.postId, localizationId, data.publishedAt, now);

    const audit = { publish: 'post.publish', unpublish: 'post.unpublish', schedule: 'post.schedule', cancel: 'post.unschedule' } as const;
    await writeAudit(tx, {
      actorId: actor.id,
      action: audit[request.action],
      targetType: 'PostLocalization',
      targetId: localizationId,
      data: {
        slug: head.post.slug,
        locale: loc.locale,
        from,
        to,
        ...(data.publishedAt instanceof Date ? { publishedAt: data.publishedAt.toISOString() } : {}),
        ...(request.action === 'schedule' ? { timeZone: request.timeZone } : {}),
      },
    });
    return { slug: head.post.slug, locale: loc.locale, status: to, version: version + 1 };
  });
}

/** Makes a language version public now (or again); refuses one in review, or an empty one. */
export function publishLocalization(localizationId: string, version: number) {
  return change(localizationId, version, { action: 'publish' });
}

/** Takes a public language version off the site; the post page answers 404 in that language. */
export function unpublishLocalization(localizationId: string, version: number) {
  return change(localizationId, version, { action: 'unpublish' });
}

/**
 * Publishes a language version from `at` on: PUBLISHED with a future publishedAt, which every
 * public read treats as not yet public (lib/dal/post-visibility.ts). `timeZone` is the zone the
 * admin chose the time in, kept in the audit log.
 */
export function scheduleLocalization(localizationId: string, version: number, at: Date, timeZone: string) {
  return change(localizationId, version, { action: 'schedule', at, timeZone });
}

export function cancelSchedule(localizationId: string, version: number) {
  return change(localizationId, version, { action: 'cancel' });
}
