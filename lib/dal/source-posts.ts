import 'server-only';
import { db } from '@/lib/db';
import { requireRole } from '@/lib/dal/session';
import { markdown } from '@/lib/markdown/shared-pool';
import { DraftError } from '@/lib/dal/translation-drafts';

export type SourceForEditing = { slug: string; locale: string; title: string; body: string; version: number };

export async function getSourceForEditing(slug: string): Promise<SourceForEditing> {
  await requireRole('ADMIN');
  const post = await db.post.findUnique({ where: { slug }, select: { slug: true, sourceLocale: true, localizations: { select: { locale: true, title: true, body: true, version: true } } } });
  const source = post?.localizations.find((l) => l.locale === post.sourceLocale);
  if (!post || !source) throw new DraftError('notFound');
  return { slug: post.slug, locale: source.locale, title: source.title, body: source.body, version: source.version };
}

/**
 * An admin's edit of an original. A changed body is a new source revision, so every translation
 * made from the old text is now behind it; a save based on an old version is refused.
 */
export async function updateSourcePost(slug: string, baseVersion: number, title: string, body: string): Promise<{ kind: 'saved'; version: number } | { kind: 'conflict'; version: number; title: string; body: string }> {
  const user = await requireRole('ADMIN');
  const { blockHashes, ...prepared } = await markdown().run('prepareSource', { title, body });
  return db.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { slug }, select: { id: true, sourceLocale: true } });
    if (!post) throw new DraftError('notFound');
    const current = await tx.postLocalization.findUnique({ where: { postId_locale: { postId: post.id, locale: post.sourceLocale } }, select: { id: true, body: true, title: true, version: true } });
    if (!current) throw new DraftError('notFound');
    const { count } = await tx.postLocalization.updateMany({
      where: { id: current.id, version: baseVersion },
      data: {
        ...prepared,
        version: { increment: 1 },
      },
    });
    if (count === 0) return { kind: 'conflict', version: current.version, title: current.title, body: current.body };
    let revisionId: string | null = null;
    if (current.body !== prepared.body) {
      const revision = await tx.sourceRevision.create({ data: { postId: post.id, locale: post.sourceLocale, body: prepared.body, blockHashes }, select: { id: true } });
      revisionId = revision.id;
      await tx.postLocalization.update({ where: { id: current.id }, data: { sourceRevisionId: revision.id } });
    }
    await tx.auditLog.create({ data: { actorId: user.id, action: 'post.editSource', targetType: 'Post', targetId: post.id, data: { revisionId } } });
    return { kind: 'saved', version: baseVersion + 1 };
  });
}
