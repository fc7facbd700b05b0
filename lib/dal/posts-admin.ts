import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { isLocale, locales, type Locale } from '@/lib/i18n/routing';
import { requireRole } from '@/lib/dal/session';
import type { Page } from '@/lib/dal/posts';
import { liveLocalizationSql } from '@/lib/dal/post-visibility';
import { liveDraftFilter, liveDraftSql } from '@/lib/dal/translation-queue';
import { allowedActions, draftStatus, localizationStatus, type AdminStatus, type PublishingAction, type StatusFilter } from '@/lib/dal/post-status';

export const ADMIN_POSTS_PAGE_SIZE = 50;
export const MAX_ADMIN_QUERY = 200;

export type AdminPostFilter = { q?: string; status?: StatusFilter; lang?: Locale };

export type AdminLocalization = {
  locale: Locale;
  isSource: boolean;
  status: AdminStatus;
  /** When it went (or goes) public; null when it never was. */
  publishedAt: string | null;
  /** The PostLocalization row the publishing actions work on, with the version they must name. */
  row: { id: string; version: number } | null;
  actions: PublishingAction[];
  behind: boolean;
  /** A volunteer's open translation draft (a first translation, or an update of a published one). */
  draft: { id: string; status: AdminStatus; translator: string } | null;
};

export type AdminPostRow = {
  id: string;
  slug: string;
  title: string;
  titleLocale: Locale;
  sourceLocale: Locale;
  versions: AdminLocalization[];
};

const DRAFT_STATUSES = {
  draft: ['CLAIMED', 'IN_PROGRESS'],
  inReview: ['SUBMITTED'],
  changesRequested: ['CHANGES_REQUESTED'],
} as const;

const LOCALIZATION_STATUSES = { draft: 'DRAFT', inReview: 'IN_REVIEW', changesRequested: 'CHANGES_REQUESTED' } as const;

/** The SQL twin of how a row's state is named (lib/dal/post-status.ts), for one language. */
function stateIn(filter: StatusFilter, locale: Locale, now: Date): Prisma.Sql {
  const version = Prisma.sql`SELECT 1 FROM "PostLocalization" l WHERE l."postId" = p.id AND l.locale = ${locale}`;
  const noVersion = Prisma.sql`NOT EXISTS (${version})`;
  const draft = (statuses: readonly string[]) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "TranslationDraft" d WHERE d."postId" = p.id AND d.locale = ${locale} AND ${liveDraftSql(now)}
      AND d.status IN (${Prisma.join(statuses.map((s) => Prisma.sql`${s}::"DraftStatus"`))}))`;
  switch (filter) {
    case 'published':
      return Prisma.sql`EXISTS (${version} AND ${liveLocalizationSql('l', now)})`;
    case 'scheduled':
      return Prisma.sql`EXISTS (${version} AND l.status = 'PUBLISHED' AND l."publishedAt" > ${now})`;
    case 'unpublished':
      return Prisma.sql`EXISTS (${version} AND (l.status = 'UNPUBLISHED' OR (l.status = 'PUBLISHED' AND l."publishedAt" IS NULL)))`;
    case 'draft':
    case 'inReview':
    case 'changesRequested':
      return Prisma.sql`(EXISTS (${version} AND l.status = ${LOCALIZATION_STATUSES[filter]}::"LocalizationStatus") OR (${noVersion} AND ${draft(DRAFT_STATUSES[filter])}))`;
    case 'none':
      return Prisma.sql`(${noVersion} AND NOT EXISTS (SELECT 1 FROM "TranslationDraft" d WHERE d."postId" = p.id AND d.locale = ${locale} AND ${liveDraftSql(now)}))`;
    case 'behind':
      // As the post page decides it: made from a revision other than the original's newest.
      return Prisma.sql`EXISTS (${version} AND l.locale <> p."sourceLocale" AND l."sourceRevisionId" IS DISTINCT FROM (
        SELECT r.id FROM "SourceRevision" r WHERE r."postId" = p.id ORDER BY r."createdAt" DESC LIMIT 1)
        AND EXISTS (SELECT 1 FROM "SourceRevision" r WHERE r."postId" = p.id))`;
  }
}

function whereOf(filter: AdminPostFilter, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const q = filter.q?.trim().slice(0, MAX_ADMIN_QUERY);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(p.slug ILIKE ${pattern} OR EXISTS (SELECT 1 FROM "PostLocalization" t WHERE t."postId" = p.id AND t.title ILIKE ${pattern}))`);
  }
  if (filter.status) {
    const status = filter.status;
    const langs = filter.lang ? [filter.lang] : [...locales];
    parts.push(Prisma.sql`(${Prisma.join(langs.map((l) => stateIn(status, l, now)), ' OR ')})`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/**
 * Every post, newest first (undated ones, never published, at the top), with the state of each
 * language version. Filtering and paging happen in one SQL query over ids, so a site with
 * 10,000 posts reads one page of them.
 */
export async function listPostsForAdmin(viewer: Locale, filter: AdminPostFilter, page: number): Promise<Page<AdminPostRow>> {
  await requireRole('ADMIN');
  const now = new Date();
  const where = whereOf(filter, now);
  const [counted, ids] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Post" p ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Post" p ${where}
      ORDER BY p."publishedAt" DESC NULLS FIRST, p."createdAt" DESC, p.id DESC
      LIMIT ${ADMIN_POSTS_PAGE_SIZE} OFFSET ${(page - 1) * ADMIN_POSTS_PAGE_SIZE}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
  const rows = await db.post.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      slug: true,
      sourceLocale: true,
      localizations: { select: { id: true, locale: true, title: true, status: true, publishedAt: true, version: true, sourceRevisionId: true } },
      revisions: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } },
      drafts: { where: liveDraftFilter(now), select: { id: true, locale: true, status: true, translator: { select: { name: true, email: true } } } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toRow(row, viewer, now)] : [];
  });
  return { items, total, page, pages: Math.max(1, Math.ceil(total / ADMIN_POSTS_PAGE_SIZE)) };
}

type Row = {
  id: string;
  slug: string;
  sourceLocale: string;
  localizations: { id: string; locale: string; title: string; status: string; publishedAt: Date | null; version: number; sourceRevisionId: string | null }[];
  revisions: { id: string }[];
  drafts: { id: string; locale: string; status: string; translator: { name: string | null; email: string } }[];
};

function toRow(row: Row, viewer: Locale, now: Date): AdminPostRow {
  const sourceLocale = isLocale(row.sourceLocale) ? row.sourceLocale : viewer;
  const titled =
    row.localizations.find((l) => l.locale === viewer) ?? row.localizations.find((l) => l.locale === row.sourceLocale) ?? row.localizations[0];
  const latest = row.revisions[0]?.id;
  const versions = locales.map((locale): AdminLocalization => {
    const loc = row.localizations.find((l) => l.locale === locale);
    const open = row.drafts.find((d) => d.locale === locale);
    const draft = open ? { id: open.id, status: draftStatus(open.status), translator: open.translator.name ?? open.translator.email } : null;
    const isSource = locale === row.sourceLocale;
    if (!loc) return { locale, isSource, status: draft?.status ?? 'none', publishedAt: null, row: null, actions: [], behind: false, draft };
    const status = localizationStatus(loc, now);
    return {
      locale,
      isSource,
      status,
      publishedAt: loc.publishedAt?.toISOString() ?? null,
      row: { id: loc.id, version: loc.version },
      actions: allowedActions(status),
      behind: !isSource && latest !== undefined && loc.sourceRevisionId !== latest,
      draft,
    };
  });
  return {
    id: row.id,
    slug: row.slug,
    title: titled?.title ?? row.slug,
    titleLocale: titled && isLocale(titled.locale) ? titled.locale : sourceLocale,
    sourceLocale,
    versions,
  };
}
