import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/routing';
import { requireUser } from '@/lib/dal/session';
import { CLAIM_DAYS, liveDraftFilter } from '@/lib/dal/translation-queue';
import { isLive } from '@/lib/dal/post-visibility';
import { hasVerifiedEmail } from '@/lib/dal/email-verification';
import { asTexts, DraftError } from '@/lib/dal/translation-drafts';
import { markdown } from '@/lib/markdown/shared-pool';
import { carryTranslation, prefillBlocks } from '@/lib/translation/align';

// Starting work on a post: a first translation (claimPost) or an update of one that fell behind
// its original (startUpdate). The editing that follows is in translation-drafts.ts.

async function latestRevision(tx: Prisma.TransactionClient, postId: string) {
  const revision = await tx.sourceRevision.findFirst({ where: { postId }, orderBy: { createdAt: 'desc' }, select: { id: true, body: true } });
  if (!revision) throw new DraftError('notFound');
  return revision;
}

/** Work is claimed only by people whose address is proven theirs (registration is open to anyone). */
async function requireVerifiedEmail(tx: Prisma.TransactionClient, userId: string) {
  if (!(await hasVerifiedEmail(tx, userId))) throw new DraftError('emailUnverified');
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Claims an untranslated post for the signed-in volunteer; one open draft per post and language. */
export async function claimPost(postId: string, locale: Locale): Promise<{ draftId: string }> {
  const user = await requireUser();
  await requireVerifiedEmail(db, user.id);
  // The source is split on a worker, which can take seconds on a busy server: before the
  // transaction, which then only checks and writes. (An edit of the source in the meantime is
  // like one made just after the claim: the draft is on the revision it was split from.)
  const revision = await latestRevision(db, postId);
  const blocks = prefillBlocks(await markdown().run('splitBlocks', revision.body));
  try {
    return await db.$transaction(async (tx) => {
      const post = await tx.post.findUnique({
        where: { id: postId },
        select: { sourceLocale: true, publishedAt: true, localizations: { select: { locale: true, status: true, publishedAt: true } } },
      });
      const source = post?.localizations.find((l) => l.locale === post.sourceLocale);
      // Only what the waiting list offers: an unpublished (or not yet public) original must not be readable through a claim.
      if (!post || post.sourceLocale === locale || !post.publishedAt || !source || !isLive(source) || post.localizations.some((l) => l.locale === locale)) {
        throw new DraftError('notFound');
      }
      // Lapsed claims free the post before the unique index decides who gets it.
      await tx.translationDraft.updateMany({
        where: { postId, locale, status: 'CLAIMED', claimExpiresAt: { lte: new Date() } },
        data: { status: 'RELEASED' },
      });
      const draft = await tx.translationDraft.create({
        data: {
          postId,
          locale,
          translatorId: user.id,
          sourceRevisionId: revision.id,
          blocks,
          claimExpiresAt: new Date(Date.now() + CLAIM_DAYS * 86_400_000),
        },
        select: { id: true },
      });
      return { draftId: draft.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DraftError('alreadyClaimed');
    throw error;
  }
}

/**
 * Starts bringing a published translation that fell behind up to date: a new draft on the newest
 * source revision, with unchanged blocks carried over and changed ones marked.
 */
export async function startUpdate(postId: string, locale: Locale): Promise<{ draftId: string }> {
  const user = await requireUser();
  await requireVerifiedEmail(db, user.id);
  // As for a claim, the Markdown work is done before the transaction, which checks that the
  // source it was done on is still the newest.
  const latest = await latestRevision(db, postId);
  const carried = await carriedBlocks(db, postId, locale, latest.body);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.postLocalization.findUnique({
        where: { postId_locale: { postId, locale } },
        select: { title: true, sourceRevisionId: true, post: { select: { sourceLocale: true } } },
      });
      if (!current || current.post.sourceLocale === locale) throw new DraftError('notFound');
      const revision = await latestRevision(tx, postId);
      if (current.sourceRevisionId === revision.id) throw new DraftError('nothingToUpdate');
      // The original changed again while its blocks were being carried over: start afresh.
      if (revision.id !== latest.id || !carried) throw new DraftError('shapeMismatch');
      const existing = await tx.translationDraft.findFirst({ where: { postId, locale, ...liveDraftFilter() }, select: { id: true, translatorId: true } });
      if (existing) {
        if (existing.translatorId === user.id) return { draftId: existing.id };
        throw new DraftError('alreadyClaimed');
      }
      await tx.translationDraft.updateMany({ where: { postId, locale, status: 'CLAIMED', claimExpiresAt: { lte: new Date() } }, data: { status: 'RELEASED' } });
      const draft = await tx.translationDraft.create({
        data: {
          postId,
          locale,
          translatorId: user.id,
          title: current.title,
          sourceRevisionId: revision.id,
          baseRevisionId: current.sourceRevisionId,
          blocks: carried.map((b) => b.text),
          claimExpiresAt: new Date(Date.now() + CLAIM_DAYS * 86_400_000),
        },
        select: { id: true },
      });
      return { draftId: draft.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DraftError('alreadyClaimed');
    throw error;
  }
}

/** The published translation's blocks moved onto `newSourceBody`'s blocks; null when there is none. */
async function carriedBlocks(client: Prisma.TransactionClient, postId: string, locale: string, newSourceBody: string) {
  const current = await client.postLocalization.findUnique({
    where: { postId_locale: { postId, locale } },
    select: { body: true, blocks: true, sourceRevision: { select: { body: true } } },
  });
  if (!current) return null;
  const md = markdown();
  const oldSource = current.sourceRevision ? await md.run('splitBlocks', current.sourceRevision.body) : [];
  // Translations made in the editor stored their blocks; imported ones are split and used only
  // when they line up with their source block for block.
  let oldTexts = asTexts(current.blocks);
  if (oldTexts.length !== oldSource.length) {
    const split = (await md.run('splitBlocks', current.body)).map((b) => b.text);
    oldTexts = split.length === oldSource.length ? split : oldSource.map(() => '');
  }
  return carryTranslation(oldSource, oldTexts, await md.run('splitBlocks', newSourceBody));
}
