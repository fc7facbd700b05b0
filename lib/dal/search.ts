import 'server-only';
import { db } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { searchTerms } from '@/lib/search/segment';
import { PAGE_SIZE, type Page } from '@/lib/dal/posts';

export const MAX_QUERY_LENGTH = 200;

export type SearchHit = { slug: string; locale: Locale; title: string; summary: string | null; publishedAt: string | null };

type Row = { slug: string; locale: string; title: string; summary: string | null; publishedAt: Date | null };

/** Ranking reads every match's vector: a common word would rank all 10,000 posts per query. */
const RANK_CANDIDATES = 400;

/**
 * Ranked full-text search over every published language version. Text is segmented into words
 * when saved (Chinese has no spaces), and the query is segmented the same way, so both sides
 * meet as `simple` lexemes in PostgreSQL. Only the newest RANK_CANDIDATES matches are ranked,
 * which keeps a query for a word found everywhere as cheap as one for a rare word.
 */
export async function searchPosts(query: string, page: number): Promise<Page<SearchHit>> {
  const terms = searchTerms(query.slice(0, MAX_QUERY_LENGTH));
  if (terms.length === 0) return { items: [], total: 0, page, pages: 1 };
  const tsquery = terms.join(' ');
  const [counted, rows] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "PostLocalization" l
      WHERE l.status = 'PUBLISHED' AND l."searchVector" @@ plainto_tsquery('simple', ${tsquery})`,
    db.$queryRaw<Row[]>`
      WITH candidates AS (
        SELECT l.id FROM "PostLocalization" l
        WHERE l.status = 'PUBLISHED' AND l."searchVector" @@ plainto_tsquery('simple', ${tsquery})
        ORDER BY l."publishedAt" DESC NULLS LAST
        LIMIT ${RANK_CANDIDATES}
      )
      SELECT p.slug, l.locale, l.title, l.summary, l."publishedAt"
      FROM candidates c
      JOIN "PostLocalization" l ON l.id = c.id
      JOIN "Post" p ON p.id = l."postId"
      ORDER BY ts_rank_cd(l."searchVector", plainto_tsquery('simple', ${tsquery})) DESC, l."publishedAt" DESC NULLS LAST, l.id
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
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
    pages: Math.max(1, Math.ceil(Math.min(total, RANK_CANDIDATES) / PAGE_SIZE)),
  };
}
