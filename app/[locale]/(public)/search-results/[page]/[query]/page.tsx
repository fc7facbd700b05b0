import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { parsePage } from '@/lib/dal/posts';
import { segmentToQuery } from '@/lib/search/query-path';
import { alternatesFor } from '@/lib/site';
import { SearchView } from '@/components/search/search-view';

// `/[locale]/search?q=…&page=N`, rewritten here by the proxy (components/search/search-view.tsx).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/search-results/[page]/[query]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  // Result pages are not worth indexing; the search page itself is.
  return { title: t('searchTitle'), alternates: alternatesFor(locale, '/search'), robots: { index: false, follow: true } };
}

export default async function SearchResultsPage({ params }: PageProps<'/[locale]/search-results/[page]/[query]'>) {
  const { locale, page, query } = await params;
  const n = parsePage(page);
  const raw = segmentToQuery(query);
  if (!hasLocale(routing.locales, locale) || n === null || raw === null) notFound();
  setRequestLocale(locale);
  return SearchView({ locale, raw, page: n });
}
