import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listPostsCached } from '@/lib/dal/cached-posts';
import type { PostLookup } from '@/lib/dal/posts';
import { alternatesFor } from '@/lib/site';
import { PostList } from '@/components/blog/post-list';
import { Pagination } from '@/components/ui/pagination';

/*
 * The blog listing is served from the page cache like a post: `/[locale]/blog` is page 1, and the
 * proxy rewrites `/[locale]/blog?page=N` to `/[locale]/blog-pages/N` and the language switcher's
 * `/[locale]/blog?untranslated=slug` to `/[locale]/blog-untranslated/slug` (rendered per request),
 * so that the listing itself never reads the query string, which would render it on every
 * request. Visitors only ever see and share the `/blog?…` addresses; they are the canonical ones.
 */

export async function listingMetadata(locale: Locale, page: number): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return {
    title: page > 1 ? `${t('blogTitle')} · ${t('pageSuffix', { page })}` : t('blogTitle'),
    description: t('blogDescription'),
    alternates: alternatesFor(locale, page > 1 ? `/blog?page=${page}` : '/blog'),
  };
}

/** Page `page` of the listing, or null when there is no such page (a 404). */
export async function BlogListing({ locale, page, notice }: { locale: Locale; page: number; notice?: { slug: string; lookup: PostLookup } }) {
  const posts = await listPostsCached(locale, page);
  if (page > posts.pages) return null;
  const t = await getTranslations('Blog');
  const lang = await getTranslations('Languages');
  const untranslated = notice?.lookup.kind === 'untranslated' ? notice.lookup : null;
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('heading')}</h1>
      {untranslated && notice && (
        <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p>{t('untranslated', { title: untranslated.title, language: lang(locale) })}</p>
          <Link href={`/blog/${notice.slug}`} locale={untranslated.locale} className="mt-1 inline-block font-medium text-brand-700 underline">
            {t('readOriginal', { language: lang(untranslated.locale) })} →
          </Link>
        </div>
      )}
      <PostList posts={posts.items} viewer={locale} empty={t('empty')} />
      <Pagination path="/blog" page={posts.page} pages={posts.pages} />
    </>
  );
}
