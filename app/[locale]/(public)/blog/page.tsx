import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getPublishedPost, parsePage } from '@/lib/dal/posts';
import { listPostsCached } from '@/lib/dal/cached-posts';
import { alternatesFor } from '@/lib/site';
import { PostList } from '@/components/blog/post-list';
import { Pagination } from '@/components/ui/pagination';

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/blog'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const page = parsePage((await searchParams).page) ?? 1;
  return {
    title: page > 1 ? `${t('blogTitle')} · ${t('pageSuffix', { page })}` : t('blogTitle'),
    description: t('blogDescription'),
    alternates: alternatesFor(locale, page > 1 ? `/blog?page=${page}` : '/blog'),
  };
}

export default async function BlogPage({ params, searchParams }: PageProps<'/[locale]/blog'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const page = parsePage(query.page);
  if (page === null) notFound();
  const posts = await listPostsCached(locale, page);
  if (page > posts.pages) notFound();
  const t = await getTranslations('Blog');
  const lang = await getTranslations('Languages');

  // The language switcher lands here when a post has no version in the chosen language.
  const untranslatedSlug = typeof query.untranslated === 'string' ? query.untranslated : null;
  const untranslated = untranslatedSlug ? await getPublishedPost(untranslatedSlug, locale) : null;

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('heading')}</h1>
      {untranslated?.kind === 'untranslated' && (
        <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p>{t('untranslated', { title: untranslated.title, language: lang(locale) })}</p>
          <Link href={`/blog/${untranslatedSlug}`} locale={untranslated.locale} className="mt-1 inline-block font-medium text-brand-700 underline">
            {t('readOriginal', { language: lang(untranslated.locale) })} →
          </Link>
        </div>
      )}
      <PostList posts={posts.items} viewer={locale} empty={t('empty')} />
      <Pagination path="/blog" page={posts.page} pages={posts.pages} />
    </>
  );
}
