import 'server-only';
import { db } from '@/lib/db';
import { requireRole } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';

export class ThumbnailError extends Error {
  constructor(readonly code: 'notFound') {
    super(code);
  }
}

export type PostThumbnail = { slug: string; title: string; thumbnail: string | null };

/** A post's thumbnail for the admin form, or null when there is no such post. */
export async function getPostThumbnail(slug: string): Promise<PostThumbnail | null> {
  await requireRole('ADMIN');
  const post = await db.post.findUnique({
    where: { slug },
    select: { slug: true, thumbnail: true, sourceLocale: true, localizations: { select: { locale: true, title: true } } },
  });
  if (!post) return null;
  const title = (post.localizations.find((l) => l.locale === post.sourceLocale) ?? post.localizations[0])?.title ?? post.slug;
  return { slug: post.slug, title, thumbnail: post.thumbnail };
}

/** Sets (a stored upload's URL) or removes (null) a post's thumbnail. Throws ThumbnailError. */
export async function setPostThumbnail(slug: string, thumbnail: string | null): Promise<{ slug: string }> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { slug }, select: { id: true, thumbnail: true } });
    if (!before) throw new ThumbnailError('notFound');
    await tx.post.update({ where: { id: before.id }, data: { thumbnail }, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: thumbnail ? 'post.thumbnail.set' : 'post.thumbnail.remove',
      targetType: 'Post',
      targetId: before.id,
      data: { slug, from: before.thumbnail, to: thumbnail },
    });
    return { slug };
  });
}
