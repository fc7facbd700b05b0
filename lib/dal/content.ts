import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prepareLocalization, sourceBlockHashes } from '@/lib/content/prepare';

export type AuthorRef = { handle: string; displayName?: string; isGuest?: boolean; isOrg?: boolean; bio?: string | null };

export type PostContentInput = {
  slug: string;
  sourceLocale: string;
  thumbnail?: string | null;
  forceLinkToOtherLanguage?: boolean;
  canonicalUrl?: string | null;
  publishedAt?: Date | null;
  authors: (AuthorRef & { proofreader?: boolean })[];
  tags: { slug: string; labels?: Record<string, string> }[];
  localizations: {
    locale: string;
    title: string;
    summary?: string | null;
    body: string;
    published: boolean;
    publishedAt?: Date | null;
    translators?: AuthorRef[];
    proofreaders?: AuthorRef[];
  }[];
};

/** Trusted callers only: the seed and the command-line importer, which run as the operator. */
export type SystemActor = { kind: 'system'; reason: 'seed' | 'import' };

async function ensureAuthor(tx: Prisma.TransactionClient, ref: AuthorRef) {
  return tx.author.upsert({
    where: { handle: ref.handle },
    create: {
      handle: ref.handle,
      displayName: ref.displayName ?? ref.handle,
      isGuest: ref.isGuest ?? false,
      isOrg: ref.isOrg ?? false,
      bio: ref.bio ?? null,
    },
    update: {
      ...(ref.displayName ? { displayName: ref.displayName } : {}),
      ...(ref.isGuest !== undefined ? { isGuest: ref.isGuest } : {}),
      ...(ref.isOrg !== undefined ? { isOrg: ref.isOrg } : {}),
      ...(ref.bio !== undefined ? { bio: ref.bio } : {}),
    },
    select: { id: true },
  });
}

/**
 * Creates or replaces a post with all its language versions in one transaction: a reader never
 * sees half a post. A changed original gets a new source revision; translations keep pointing at
 * the revision they were made from, which is how they become "behind".
 */
export async function upsertPostContent(input: PostContentInput, _actor: SystemActor) {
  const prepared = input.localizations.map((l) => ({ ...l, ...prepareLocalization(l) }));
  const source = prepared.find((l) => l.locale === input.sourceLocale);

  return db.$transaction(async (tx) => {
    const post = await tx.post.upsert({
      where: { slug: input.slug },
      create: {
        slug: input.slug,
        sourceLocale: input.sourceLocale,
        thumbnail: input.thumbnail ?? null,
        forceLinkToOtherLanguage: input.forceLinkToOtherLanguage ?? false,
        canonicalUrl: input.canonicalUrl ?? null,
        publishedAt: input.publishedAt ?? null,
      },
      update: {
        sourceLocale: input.sourceLocale,
        thumbnail: input.thumbnail ?? null,
        forceLinkToOtherLanguage: input.forceLinkToOtherLanguage ?? false,
        canonicalUrl: input.canonicalUrl ?? null,
        publishedAt: input.publishedAt ?? null,
      },
      select: { id: true },
    });

    let revisionId: string | null = null;
    if (source) {
      const latest = await tx.sourceRevision.findFirst({
        where: { postId: post.id },
        orderBy: { createdAt: 'desc' },
        select: { id: true, body: true },
      });
      revisionId =
        latest && latest.body === source.body
          ? latest.id
          : (
              await tx.sourceRevision.create({
                data: { postId: post.id, locale: source.locale, body: source.body, blockHashes: sourceBlockHashes(source.body) },
                select: { id: true },
              })
            ).id;
    }

    await tx.postAuthor.deleteMany({ where: { postId: post.id } });
    for (const [position, ref] of input.authors.entries()) {
      const author = await ensureAuthor(tx, ref);
      await tx.postAuthor.create({ data: { postId: post.id, authorId: author.id, position, proofreader: ref.proofreader ?? false } });
    }

    await tx.postTag.deleteMany({ where: { postId: post.id } });
    for (const t of input.tags) {
      const tag = await tx.tag.upsert({
        where: { slug: t.slug },
        create: { slug: t.slug, labels: t.labels ?? {} },
        update: t.labels ? { labels: t.labels } : {},
        select: { id: true },
      });
      await tx.postTag.create({ data: { postId: post.id, tagId: tag.id } });
    }

    for (const l of prepared) {
      const isSource = l.locale === input.sourceLocale;
      const data = {
        title: l.title,
        summary: l.summary,
        body: l.body,
        html: l.html,
        toc: l.toc,
        readingMinutes: l.readingMinutes,
        searchTitle: l.searchTitle,
        searchText: l.searchText,
        status: l.published ? ('PUBLISHED' as const) : ('DRAFT' as const),
        publishedAt: l.published ? (l.publishedAt ?? input.publishedAt ?? new Date()) : null,
      };
      const existing = await tx.postLocalization.findUnique({
        where: { postId_locale: { postId: post.id, locale: l.locale } },
        select: { id: true, body: true, sourceRevisionId: true },
      });
      // A translation moves to the newest source revision only when its own text changed with
      // it; an unchanged translation stays pinned to the revision it was made from.
      const sourceRevisionId = isSource ? revisionId : existing && existing.body === l.body ? existing.sourceRevisionId : revisionId;
      const loc = existing
        ? await tx.postLocalization.update({
            where: { id: existing.id },
            data: { ...data, sourceRevisionId, version: { increment: 1 } },
            select: { id: true },
          })
        : await tx.postLocalization.create({
            data: { ...data, postId: post.id, locale: l.locale, sourceRevisionId },
            select: { id: true },
          });

      await tx.localizationCredit.deleteMany({ where: { localizationId: loc.id } });
      const credits = [
        ...(l.translators ?? []).map((ref) => ({ ref, role: 'TRANSLATOR' as const })),
        ...(l.proofreaders ?? []).map((ref) => ({ ref, role: 'PROOFREADER' as const })),
      ];
      for (const [position, { ref, role }] of credits.entries()) {
        const author = await ensureAuthor(tx, ref);
        await tx.localizationCredit.upsert({
          where: { localizationId_authorId_role: { localizationId: loc.id, authorId: author.id, role } },
          create: { localizationId: loc.id, authorId: author.id, role, position },
          update: { position },
        });
      }
    }
    return { id: post.id };
  });
}
