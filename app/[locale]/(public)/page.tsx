import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listPosts } from '@/lib/dal/posts';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';
import { alternatesFor } from '@/lib/site';
import { PostList } from '@/components/blog/post-list';

export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return { alternates: alternatesFor(locale, '/') };
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const [latest, site] = await Promise.all([listPosts(locale, 1), getSiteSettings(locale)]);
  return (
    <>
      <section className="mb-10 rounded-xl bg-gradient-to-br from-brand-50 to-amber-50 px-6 py-10">
        <p className="mb-2 font-semibold text-brand-700">{site.tagline}</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('heading')}</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-700">{t('intro')}</p>
      </section>
      <section aria-labelledby="latest">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="latest" className="text-2xl font-semibold">{t('latest')}</h2>
          <Link href="/blog" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t('allPosts')} →</Link>
        </div>
        <PostList posts={latest.items.slice(0, 6)} viewer={locale} empty={t('empty')} />
      </section>
    </>
  );
}
