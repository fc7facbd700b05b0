import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { parsePage } from '@/lib/dal/posts';
import { BlogListing, listingMetadata } from '@/components/blog/blog-listing';

// `/[locale]/blog?page=N`, rewritten here by the proxy (see components/blog/blog-listing.tsx):
// each page is rendered on first request, then served from the page cache.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/blog-pages/[page]'>): Promise<Metadata> {
  const { locale, page } = await params;
  const n = parsePage(page);
  if (!hasLocale(routing.locales, locale) || n === null) return {};
  return listingMetadata(locale, n);
}

export default async function BlogPageN({ params }: PageProps<'/[locale]/blog-pages/[page]'>) {
  const { locale, page } = await params;
  const n = parsePage(page);
  if (!hasLocale(routing.locales, locale) || n === null) notFound();
  setRequestLocale(locale);
  return (await BlogListing({ locale, page: n })) ?? notFound();
}
