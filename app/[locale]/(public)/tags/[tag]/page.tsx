import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { listPostsByTag, parsePage } from '@/lib/dal/posts';
import { alternatesFor } from '@/lib/site';
import { PostList } from '@/components/blog/post-list';
import { Pagination } from '@/components/ui/pagination';

export async function generateMetadata({ params }: PageProps<'/[locale]/tags/[tag]'>): Promise<Metadata> {
  const { locale, tag } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const found = await listPostsByTag(locale, decodeURIComponent(tag), 1);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: t('tagTitle', { tag: found.tag.label }), alternates: alternatesFor(locale, `/tags/${tag}`) };
}

export default async function TagPage({ params, searchParams }: PageProps<'/[locale]/tags/[tag]'>) {
  const { locale, tag } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const page = parsePage((await searchParams).page);
  if (page === null) notFound();
  const found = await listPostsByTag(locale, decodeURIComponent(tag), page);
  if (!found || page > found.posts.pages) notFound();
  const t = await getTranslations('Tag');
  const blog = await getTranslations('Blog');
  return (
    <>
      <h1 className="text-3xl font-bold">{t('heading', { tag: found.tag.label })}</h1>
      <p className="mb-6 mt-1 text-stone-600">{t('count', { count: found.posts.total })}</p>
      <PostList posts={found.posts.items} viewer={locale} empty={blog('empty')} />
      <Pagination path={`/tags/${encodeURIComponent(found.tag.slug)}`} page={found.posts.page} pages={found.posts.pages} />
    </>
  );
}
