import 'server-only';
import { Feed } from 'feed';
import { getTranslations } from 'next-intl/server';
import { listFeedEntries } from '@/lib/dal/feeds';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';
import type { Locale } from '@/lib/i18n/routing';
import { absoluteUrl, HREFLANG } from '@/lib/site';
import { htmlFromText, xmlText } from '@/lib/feeds/text';

export async function buildFeed(locale: Locale): Promise<Feed> {
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const [entries, site] = await Promise.all([listFeedEntries(locale), getSiteSettings(locale)]);
  const feed = new Feed({
    id: absoluteUrl(`/${locale}/blog`),
    link: absoluteUrl(`/${locale}/blog`),
    title: `${site.title} · ${t('blogTitle')}`,
    description: t('blogDescription'),
    language: HREFLANG[locale],
    updated: entries[0]?.updatedAt ?? new Date(0),
    generator: false,
    copyright: site.title,
    feedLinks: { rss: absoluteUrl(`/feed/${locale}/rss.xml`), atom: absoluteUrl(`/feed/${locale}/atom.xml`) },
  });
  for (const e of entries) {
    const link = absoluteUrl(`/${locale}/blog/${e.slug}`);
    feed.addItem({
      id: link,
      link,
      title: htmlFromText(e.title),
      description: e.summary ? htmlFromText(e.summary) : undefined,
      content: xmlText(e.html),
      date: e.updatedAt,
      published: e.publishedAt,
      author: e.authors.map((name) => ({ name })),
      category: e.tags.map((term) => ({ name: term, term })),
    });
  }
  return feed;
}

export const FEED_HEADERS = { 'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=3600' };
