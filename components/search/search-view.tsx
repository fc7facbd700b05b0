import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { searchPosts } from '@/lib/dal/search';
import { MAX_QUERY_LENGTH } from '@/lib/search/query-path';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from '@/components/ui/search-form';

/*
 * Search is served from the page cache like the listing: `/[locale]/search` is the empty form,
 * and the proxy rewrites `/[locale]/search?q=…&page=N` to `/[locale]/search-results/N/<query as
 * base64url>` (lib/search/query-path.ts), rendered on first request and kept for a minute in the
 * server's bounded in-memory page cache (next.config.ts). Publishing or unpublishing a post on
 * the site drops every cached result page (revalidatePublishedPost).
 */

/** The search page for `raw` (what the visitor typed; '' for none). */
export async function SearchView({ locale, raw, page }: { locale: Locale; raw: string; page: number }) {
  const q = raw.slice(0, MAX_QUERY_LENGTH).trim();
  const results = q ? await searchPosts(q, page) : null;
  const t = await getTranslations({ locale, namespace: 'Search' });
  const lang = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const format = await getFormatter({ locale });

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('heading')}</h1>
      <SearchForm
        id="q"
        label={t('label')}
        submit={t('submit')}
        defaultValue={q}
        placeholder={t('placeholder')}
        maxLength={MAX_QUERY_LENGTH}
        action={`/${locale}/search`}
        describedBy="search-hint"
        className="mb-2"
      />
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
