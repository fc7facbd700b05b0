import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { BlogListing, listingMetadata } from '@/components/blog/blog-listing';

// Served from the page cache; publishing on the site refreshes it at once (the `posts` tag).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]/blog'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return listingMetadata(locale, 1);
}

export default async function BlogPage({ params }: PageProps<'/[locale]/blog'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (await BlogListing({ locale, page: 1 })) ?? notFound();
}
