import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { alternatesFor } from '@/lib/site';
import { SearchView } from '@/components/search/search-view';

// The empty form; a query is rewritten to /[locale]/search-results (components/search/search-view.tsx).
export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  // Result pages are not worth indexing; the search page itself is.
  return { title: t('searchTitle'), alternates: alternatesFor(locale, '/search'), robots: { index: false, follow: true } };
}

export default async function SearchPage({ params }: PageProps<'/[locale]/search'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return SearchView({ locale, raw: '', page: 1 });
}
