import type { MetadataRoute } from 'next';
import { listSitemapPosts, listTagSlugs } from '@/lib/dal/feeds';
import { listSitemapEvents } from '@/lib/dal/events';
import { locales, type Locale } from '@/lib/i18n/routing';
import { absoluteUrl, HREFLANG } from '@/lib/site';

export const revalidate = 60;

function languages(path: string, available: readonly Locale[]) {
  return Object.fromEntries(available.map((l) => [HREFLANG[l], absoluteUrl(`/${l}${path}`)]));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [posts, tags, events] = await Promise.all([listSitemapPosts(), listTagSlugs(), listSitemapEvents()]);
  const pages = ['', '/blog', '/search', '/events'].flatMap((path) =>
    locales.map((l) => ({ url: absoluteUrl(`/${l}${path}`), alternates: { languages: languages(path, locales) } })),
  );
  const tagPages = tags.flatMap((slug) =>
    locales.map((l) => ({ url: absoluteUrl(`/${l}/tags/${encodeURIComponent(slug)}`), alternates: { languages: languages(`/tags/${encodeURIComponent(slug)}`, locales) } })),
  );
  const postPages = posts.flatMap((post) => {
    const available = post.locales.map((x) => x.locale);
    return post.locales.map(({ locale, updatedAt }) => ({
      url: absoluteUrl(`/${locale}/blog/${post.slug}`),
      lastModified: updatedAt,
      alternates: { languages: languages(`/blog/${post.slug}`, available) },
    }));
  });
  const eventPages = events.flatMap((event) =>
    event.locales.map((locale) => ({
      url: absoluteUrl(`/${locale}/events/${event.slug}`),
      lastModified: event.updatedAt,
      alternates: { languages: languages(`/events/${event.slug}`, event.locales) },
    })),
  );
  return [...pages, ...tagPages, ...postPages, ...eventPages];
}
