import 'server-only';
import { db } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { requireUser } from '@/lib/dal/session';
import { PAGE_SIZE, type Page } from '@/lib/dal/posts';
import { liveLocalization } from '@/lib/dal/post-visibility';
import { Prisma } from '@/lib/generated/prisma/client';

export const CLAIM_DAYS = 14;
export const OPEN_STATUSES = ['CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'CHANGES_REQUESTED'] as const;

export type WaitingPost = { postId: string; slug: string; title: string; sourceLocale: Locale; characters: number; publishedAt: string | null };

/** A claim that was never saved lapses after CLAIM_DAYS; lapsed claims do not block anyone. */
export function liveDraftFilter(now = new Date()) {
  return {
    status: { in: [...OPEN_STATUSES] },
    OR: [{ status: { not: 'CLAIMED' as const } }, { claimExpiresAt: null }, { claimExpiresAt: { gt: now } }],
  };
}

/** liveDraftFilter for raw SQL, on the TranslationDraft row aliased `d` (keep the two in step). */
export function liveDraftSql(now = new Date()): Prisma.Sql {
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"DraftStatus"`));
  return Prisma.sql`(d.status IN (${open}) AND (d.status <> 'CLAIMED' OR d."claimExpiresAt" IS NULL OR d."claimExpiresAt" > ${now}))`;
}

/** Public originals with no version in `locale` and nobody working on one. */
export async function listWaitingPosts(locale: Locale, page: number): Promise<Page<WaitingPost>> {
  await requireUser();
  const live = liveLocalization();
  const where = {
    sourceLocale: { not: locale },
    // A scheduled original waits until it is public: the claim refuses it before then too.
    localizations: { none: { locale }, some: live },
    drafts: { none: { locale, ...liveDraftFilter() } },
    publishedAt: { not: null },
  };
  const [total, rows] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({
      where,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        sourceLocale: true,
        publishedAt: true,
        localizations: { where: live, select: { id: true, locale: true, title: true } },
      },
    }),
  ]);
  // Each original's length, without fetching twenty whole bodies to measure them.
  const ids = rows.flatMap((r) => r.localizations.filter((l) => l.locale === r.sourceLocale).map((l) => l.id));
  const lengths = new Map(
    (await db.$queryRaw<{ id: string; characters: number }[]>`
      SELECT id, char_length(body)::int AS characters FROM "PostLocalization" WHERE id = ANY(${ids})`).map((l) => [l.id, l.characters]),
  );
  const items = rows.flatMap((r) => {
    const source = r.localizations.find((l) => l.locale === r.sourceLocale);
    if (!source || !isLocale(r.sourceLocale)) return [];
    const characters = lengths.get(source.id) ?? 0;
    return [{ postId: r.id, slug: r.slug, title: source.title, sourceLocale: r.sourceLocale, characters, publishedAt: r.publishedAt?.toISOString() ?? null }];
  });
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type MyDraft = {
  id: string;
  slug: string;
  title: string;
  locale: Locale;
  status: 'CLAIMED' | 'IN_PROGRESS' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'RELEASED';
  updatedAt: string;
  claimExpiresAt: string | null;
  isUpdate: boolean;
  reviewNote: string | null;
};

export type BehindTranslation = { postId: string; slug: string; title: string; locale: Locale };

/** The signed-in volunteer's own work, and their published translations whose source moved on. */
export async function getMyWork() {
  const user = await requireUser();
  const now = new Date();
  const drafts = await db.translationDraft.findMany({
    where: { translatorId: user.id, status: { not: 'RELEASED' } },
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: {
      id: true,
      locale: true,
      status: true,
      title: true,
      updatedAt: true,
      claimExpiresAt: true,
      baseRevisionId: true,
      reviewNote: true,
      post: { select: { slug: true, localizations: { where: { status: 'PUBLISHED' }, select: { locale: true, title: true } }, sourceLocale: true } },
    },
  });
  const mine: MyDraft[] = drafts
    .filter((d) => isLocale(d.locale) && !(d.status === 'CLAIMED' && d.claimExpiresAt && d.claimExpiresAt <= now))
    .map((d) => ({
      id: d.id,
      slug: d.post.slug,
      title: d.title || (d.post.localizations.find((l) => l.locale === d.post.sourceLocale)?.title ?? d.post.slug),
      locale: d.locale as Locale,
      status: d.status,
      updatedAt: d.updatedAt.toISOString(),
      claimExpiresAt: d.claimExpiresAt?.toISOString() ?? null,
      isUpdate: d.baseRevisionId !== null,
      reviewNote: d.reviewNote,
    }));

  const credited = await db.postLocalization.findMany({
    where: { status: 'PUBLISHED', credits: { some: { role: 'TRANSLATOR', author: { userId: user.id } } } },
    select: {
      locale: true,
      title: true,
      sourceRevisionId: true,
      post: { select: { id: true, slug: true, revisions: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } } } },
    },
  });
  const openUpdates = new Set(mine.filter((d) => d.isUpdate && d.status !== 'APPROVED').map((d) => `${d.slug}:${d.locale}`));
  const behind: BehindTranslation[] = credited
    .filter((l) => isLocale(l.locale) && l.post.revisions[0] && l.post.revisions[0].id !== l.sourceRevisionId)
    .filter((l) => !openUpdates.has(`${l.post.slug}:${l.locale}`))
    .map((l) => ({ postId: l.post.id, slug: l.post.slug, title: l.title, locale: l.locale as Locale }));
  return { drafts: mine, behind };
}
