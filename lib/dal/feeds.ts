import 'server-only';
import { db } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { liveLocalization, livePost } from '@/lib/dal/post-visibility';

export const FEED_SIZE = 30;

export type FeedEntry = {
  slug: string;
  title: string;
  summary: string | null;
  html: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: string[];
  tags: string[];
};

export async function listFeedEntries(locale: Locale): Promise<FeedEntry[]> {
  const rows = await db.postLocalization.findMany({
    where: { locale, ...liveLocalization() },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: FEED_SIZE,
    select: {
      title: true,
      summary: true,
      html: true,
      publishedAt: true,
      updatedAt: true,
      post: {
        select: {
          slug: true,
          authors: { orderBy: { position: 'asc' }, select: { author: { select: { displayName: true } } } },
          tags: { select: { tag: { select: { slug: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    slug: r.post.slug,
    title: r.title,
    summary: r.summary,
    html: r.html,
    publishedAt: r.publishedAt!,
    updatedAt: r.updatedAt,
    authors: r.post.authors.map((a) => a.author.displayName),
    tags: r.post.tags.map((t) => t.tag.slug),
  }));
}

export type SitemapPost = { slug: string; locales: { locale: Locale; updatedAt: Date }[] };

/** Every published language version, grouped by post so each URL can list its alternates. */
export async function listSitemapPosts(): Promise<SitemapPost[]> {
  const live = liveLocalization();
  const rows = await db.post.findMany({
    where: { localizations: { some: live } },
    orderBy: { publishedAt: 'desc' },
    select: { slug: true, localizations: { where: live, orderBy: { locale: 'asc' }, select: { locale: true, updatedAt: true } } },
  });
  return rows.map((r) => ({
    slug: r.slug,
    locales: r.localizations.filter((l) => isLocale(l.locale)).map((l) => ({ locale: l.locale as Locale, updatedAt: l.updatedAt })),
  }));
}

export async function listTagSlugs(): Promise<string[]> {
  const rows = await db.tag.findMany({ where: { posts: { some: { post: livePost() } } }, select: { slug: true }, orderBy: { slug: 'asc' } });
  return rows.map((r) => r.slug);
}
