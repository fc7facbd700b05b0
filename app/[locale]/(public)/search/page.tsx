import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { parsePage } from '@/lib/dal/posts';
import { MAX_QUERY_LENGTH, searchPosts } from '@/lib/dal/search';
import { alternatesFor } from '@/lib/site';
import { Pagination } from '@/components/ui/pagination';

export async function generateMetadata({ params }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  // Result pages are not worth indexing; the search page itself is.
  return { title: t('searchTitle'), alternates: alternatesFor(locale, '/search'), robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const page = parsePage(query.page);
  if (page === null) notFound();
  const raw = typeof query.q === 'string' ? query.q : '';
  const q = raw.slice(0, MAX_QUERY_LENGTH).trim();
  const t = await getTranslations('Search');
  const lang = await getTranslations('LocaleSwitcher');
  const format = await getFormatter();
  const results = q ? await searchPosts(q, page) : null;

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('heading')}</h1>
      <form role="search" action="" method="get" className="mb-2 flex gap-2">
        <label htmlFor="q" className="sr-only">{t('label')}</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t('placeholder')}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="search-hint"
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 focus:border-brand-600"
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t('submit')}</button>
      </form>
      <p id="search-hint" className="mb-6 text-sm text-stone-600">{t('hint')}</p>
      {raw.length > MAX_QUERY_LENGTH && <p role="status" className="mb-4 text-sm text-amber-800">{t('tooLong')}</p>}
      {results && (
        <section aria-live="polite">
          <p className="mb-4 font-medium">{t('results', { count: results.total, query: q })}</p>
          <ol className="space-y-4">
            {results.items.map((hit) => (
              <li key={`${hit.slug}-${hit.locale}`} className="rounded-lg border border-stone-200 bg-white p-4" lang={hit.locale === 'zh' ? 'zh-CN' : 'en'}>
                <Link href={`/blog/${hit.slug}`} locale={hit.locale} className="text-lg font-semibold hover:text-brand-700">{hit.title}</Link>
                <p className="mt-1 text-xs text-stone-500">
                  {lang(hit.locale)}
                  {hit.publishedAt && <> · {format.dateTime(new Date(hit.publishedAt), { dateStyle: 'medium', timeZone: 'UTC' })}</>}
                </p>
                {hit.summary && <p className="mt-2 line-clamp-2 text-stone-700">{hit.summary}</p>}
              </li>
            ))}
          </ol>
          <Pagination path="/search" page={results.page} pages={results.pages} query={{ q }} />
        </section>
      )}
    </>
  );
}
