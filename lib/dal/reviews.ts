import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { requireRole, type CurrentUser } from '@/lib/dal/session';
import { asTexts, commentSelect, commentsOfBlock, DraftError, type CommentDto } from '@/lib/dal/translation-drafts';
import { assembleBlocks, type BlockKind } from '@/lib/markdown/blocks';
import { markdown } from '@/lib/markdown/shared-pool';

export type ReviewItem = { id: string; slug: string; title: string; sourceTitle: string; locale: Locale; translator: string; submittedAt: string; isOwn: boolean };

export async function listReviewQueue(): Promise<ReviewItem[]> {
  const user = await requireRole('REVIEWER');
  const rows = await db.translationDraft.findMany({
    where: { status: 'SUBMITTED' },
    orderBy: { submittedAt: 'asc' },
    take: 200,
    select: {
      id: true,
      title: true,
      locale: true,
      submittedAt: true,
      translatorId: true,
      post: { select: { slug: true, sourceLocale: true, localizations: { select: { locale: true, title: true } } } },
      translator: { select: { name: true, email: true } },
    },
  });
  return rows
    .filter((r) => isLocale(r.locale))
    .map((r) => ({
      id: r.id,
      slug: r.post.slug,
      title: r.title,
      sourceTitle: r.post.localizations.find((l) => l.locale === r.post.sourceLocale)?.title ?? r.post.slug,
      locale: r.locale as Locale,
      translator: r.translator.name ?? r.translator.email,
      submittedAt: (r.submittedAt ?? new Date()).toISOString(),
      isOwn: r.translatorId === user.id,
    }));
}

export type ReviewDraft = {
  id: string;
  slug: string;
  locale: Locale;
  sourceLocale: Locale;
  sourceTitle: string;
  title: string;
  status: string;
  translator: string;
  isOwn: boolean;
  blocks: { kind: BlockKind; source: string; text: string; comments: CommentDto[] }[];
};

export async function getDraftForReview(draftId: string): Promise<ReviewDraft> {
  const user = await requireRole('REVIEWER');
  const draft = await db.translationDraft.findUnique({
    where: { id: draftId },
    select: {
      id: true,
      locale: true,
      title: true,
      status: true,
      blocks: true,
      translatorId: true,
      translator: { select: { name: true, email: true } },
      sourceRevision: { select: { body: true } },
      post: { select: { slug: true, sourceLocale: true, localizations: { select: { locale: true, title: true } } } },
      comments: commentSelect,
    },
  });
  if (!draft || !isLocale(draft.locale) || !isLocale(draft.post.sourceLocale) || !['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'].includes(draft.status)) throw new DraftError('notFound');
  const texts = asTexts(draft.blocks);
  return {
    id: draft.id,
    slug: draft.post.slug,
    locale: draft.locale,
    sourceLocale: draft.post.sourceLocale,
    sourceTitle: draft.post.localizations.find((l) => l.locale === draft.post.sourceLocale)?.title ?? draft.post.slug,
    title: draft.title,
    status: draft.status,
    translator: draft.translator.name ?? draft.translator.email,
    isOwn: draft.translatorId === user.id,
    blocks: (await markdown().run('splitBlocks', draft.sourceRevision.body)).map((b, i) => ({
      kind: b.kind,
      source: b.text,
      text: texts[i] ?? '',
      comments: commentsOfBlock(draft.comments, i),
    })),
  };
}

async function submittedDraft(tx: Prisma.TransactionClient, draftId: string, user: CurrentUser) {
  const draft = await tx.translationDraft.findUnique({
    where: { id: draftId },
    select: { id: true, status: true, version: true, translatorId: true, postId: true, locale: true, title: true, blocks: true, sourceRevisionId: true, sourceRevision: { select: { body: true } } },
  });
  if (!draft || draft.status !== 'SUBMITTED') throw new DraftError('notFound');
  // Nobody reviews their own work, whatever their role.
  if (draft.translatorId === user.id) throw new DraftError('notEditable');
  return draft;
}

export async function addReviewComment(draftId: string, blockIndex: number, body: string) {
  const user = await requireRole('REVIEWER');
  const draft = await db.translationDraft.findUnique({ where: { id: draftId }, select: { status: true, translatorId: true, sourceRevision: { select: { blockHashes: true } } } });
  if (!draft || draft.status !== 'SUBMITTED') throw new DraftError('notFound');
  // A review comment is a reviewer's word on someone else's work, as approval is.
  if (draft.translatorId === user.id) throw new DraftError('notEditable');
  const blockCount = Array.isArray(draft.sourceRevision.blockHashes) ? draft.sourceRevision.blockHashes.length : 0;
  if (blockIndex < 0 || blockIndex >= blockCount) throw new DraftError('shapeMismatch');
  await db.reviewComment.create({ data: { draftId, blockIndex, body, authorId: user.id } });
}

export async function requestChanges(draftId: string, note: string) {
  const user = await requireRole('REVIEWER');
  await db.$transaction(async (tx) => {
    await submittedDraft(tx, draftId, user);
    await tx.translationDraft.update({
      where: { id: draftId },
      data: { status: 'CHANGES_REQUESTED', reviewerId: user.id, reviewedAt: new Date(), reviewNote: note, version: { increment: 1 } },
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'translation.changesRequested', targetType: 'TranslationDraft', targetId: draftId } });
  });
}

/** The Author that credits a user on the site, created on first need. */
async function authorFor(tx: Prisma.TransactionClient, userId: string) {
  const existing = await tx.author.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return existing;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const base = user.email.split('@')[0]!.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'volunteer';
  let handle = base;
  for (let n = 2; await tx.author.findUnique({ where: { handle }, select: { id: true } }); n += 1) handle = `${base}-${n}`;
  return tx.author.create({ data: { handle, displayName: user.name ?? handle, userId }, select: { id: true } });
}

/**
 * Approval publishes: the translation goes live at once with its translator and proofreader
 * credited, pinned to the source revision it was made from.
 */
export async function approveDraft(draftId: string): Promise<{ slug: string; locale: Locale }> {
  const user = await requireRole('REVIEWER');
  // Rendered before the transaction, on the Markdown workers; the transaction then checks that
  // the draft is still the version that was rendered.
  const pending = await submittedDraft(db, draftId, user);
  const texts = asTexts(pending.blocks);
  const sourceBody = pending.sourceRevision.body;
  const md = markdown();
  const body = assembleBlocks(sourceBody, await md.run('splitBlocks', sourceBody), texts);
  const prepared = await md.run('prepare', { title: pending.title, body });
  return db.$transaction(async (tx) => {
    const draft = await submittedDraft(tx, draftId, user);
    if (draft.version !== pending.version) throw new DraftError('notEditable');
    const existing = await tx.postLocalization.findUnique({ where: { postId_locale: { postId: draft.postId, locale: draft.locale } }, select: { id: true, publishedAt: true } });
    const data = {
      // Exactly the stored fields of a language version, rendered and segmented once.
      ...prepared,
      status: 'PUBLISHED' as const,
      sourceRevisionId: draft.sourceRevisionId,
      blocks: texts,
    };
    const loc = existing
      ? await tx.postLocalization.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 }, publishedAt: existing.publishedAt ?? new Date() }, select: { id: true } })
      : await tx.postLocalization.create({ data: { ...data, postId: draft.postId, locale: draft.locale, publishedAt: new Date() }, select: { id: true } });

    const translator = await authorFor(tx, draft.translatorId);
    const proofreader = await authorFor(tx, user.id);
    const next = (await tx.localizationCredit.count({ where: { localizationId: loc.id } })) + 1;
    for (const [offset, credit] of [
      { authorId: translator.id, role: 'TRANSLATOR' as const },
      { authorId: proofreader.id, role: 'PROOFREADER' as const },
    ].entries()) {
      await tx.localizationCredit.upsert({
        where: { localizationId_authorId_role: { localizationId: loc.id, ...credit } },
        create: { localizationId: loc.id, ...credit, position: next + offset },
        update: {},
      });
    }
    await tx.translationDraft.update({ where: { id: draftId }, data: { status: 'APPROVED', reviewerId: user.id, reviewedAt: new Date(), version: { increment: 1 } } });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'translation.publish', targetType: 'PostLocalization', targetId: loc.id, data: { draftId, locale: draft.locale } } });
    const post = await tx.post.findUniqueOrThrow({ where: { id: draft.postId }, select: { slug: true } });
    return { slug: post.slug, locale: draft.locale as Locale };
  });
}
