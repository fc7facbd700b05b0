import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { getPublishedPost } from '@/lib/dal/posts';
import { BlogListing, listingMetadata } from '@/components/blog/blog-listing';

// `/[locale]/blog?untranslated=slug`, where the language switcher lands for a post with no
// version in this language; rewritten here by the proxy (see components/blog/blog-listing.tsx).
// Rendered per request: any string can come as a slug, and the page cache keeps what it caches.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/blog-untranslated/[slug]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return listingMetadata(locale, 1);
}

export default async function UntranslatedPage({ params }: PageProps<'/[locale]/blog-untranslated/[slug]'>) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const lookup = await getPublishedPost(slug, locale);
  return (await BlogListing({ locale, page: 1, notice: { slug, lookup } })) ?? notFound();
}
