import 'server-only';
import { db } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { searchTerms } from '@/lib/search/segment';
import { PAGE_SIZE, type Page } from '@/lib/dal/posts';

export const MAX_QUERY_LENGTH = 200;

export type SearchHit = { slug: string; locale: Locale; title: string; summary: string | null; publishedAt: string | null };

type Row = { slug: string; locale: string; title: string; summary: string | null; publishedAt: Date | null; total: bigint };

/**
 * Ranked full-text search over every published language version. Text is segmented into words
 * when saved (Chinese has no spaces), and the query is segmented the same way, so both sides
 * meet as `simple` lexemes in PostgreSQL.
 */
export async function searchPosts(query: string, page: number): Promise<Page<SearchHit>> {
  const terms = searchTerms(query.slice(0, MAX_QUERY_LENGTH));
  if (terms.length === 0) return { items: [], total: 0, page, pages: 1 };
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.slug, l.locale, l.title, l.summary, l."publishedAt", count(*) OVER () AS total
    FROM "PostLocalization" l
    JOIN "Post" p ON p.id = l."postId",
         plainto_tsquery('simple', ${terms.join(' ')}) q
    WHERE l.status = 'PUBLISHED' AND l."searchVector" @@ q
    ORDER BY ts_rank_cd(l."searchVector", q) DESC, l."publishedAt" DESC NULLS LAST, l.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.filter((r) => isLocale(r.locale)).map((r) => ({
      slug: r.slug,
      locale: r.locale as Locale,
      title: r.title,
      summary: r.summary,
      publishedAt: r.publishedAt?.toISOString() ?? null,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
