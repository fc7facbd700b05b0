import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listTagsForAdmin } from '@/lib/dal/tags';
import { tagQuerySchema } from '@/lib/validations/tags';
import { adminMetadata, openAdminPage, readPagedQuery } from '@/components/admin/admin-page';
import { SearchForm } from '@/components/ui/search-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('TagAdmin', 'title');

export default async function AdminTagsPage({ params, searchParams }: PageProps<'/[locale]/admin/tags'>) {
  await openAdminPage(params);
  const { query, page } = await readPagedQuery(searchParams);
  const q = tagQuerySchema.parse(typeof query.q === 'string' ? query.q : undefined);
  const tags = await listTagsForAdmin({ page, q });
  if (page > tags.pages) notFound();
  const t = await getTranslations('TagAdmin');
  const notice =
    typeof query.saved === 'string' ? t('saved', { slug: query.saved })
    : typeof query.created === 'string' ? t('created', { slug: query.created })
    : typeof query.deleted === 'string' ? t('deleted', { slug: query.deleted })
    : null;
  const pageHref = (p: number) => ({ pathname: '/admin/tags', query: { ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) } });
  const th = 'px-3 py-2 text-left font-semibold';
  const pager = 'rounded border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600';

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <Link href="/admin/tags/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t('newTag')}</Link>
      </div>
      <p className="text-stone-600">{t('intro')}</p>
      {notice && <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">{notice}</p>}
      <SearchForm id="tag-q" label={t('searchLabel')} submit={t('search')} defaultValue={q} placeholder={t('searchPlaceholder')} maxLength={60} className="max-w-xl" />
      <p className="text-sm text-stone-600">{q ? t('countMatching', { count: tags.total, query: q }) : t('count', { count: tags.total })}</p>
      {tags.items.length > 0 && (
        // Focusable, so that keyboard users can scroll a table wider than the screen.
        <div role="region" aria-label={t('title')} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="border-b border-stone-200 bg-stone-50">
              <tr>
                <th scope="col" className={th}>{t('slug')}</th>
                {locales.map((l) => <th key={l} scope="col" className={th}>{t(`label.${l}`)}</th>)}
                <th scope="col" className={th}>{t('posts')}</th>
                <th scope="col" className={th}><span className="sr-only">{t('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {tags.items.map((tag) => (
                <tr key={tag.id} data-tag={tag.slug} className="border-b border-stone-100 last:border-0">
                  <td className="px-3 py-2 font-mono">{tag.slug}</td>
                  {locales.map((l) => (
                    <td key={l} lang={l} className="px-3 py-2">
                      {tag.labels[l] || <span className="text-stone-500 italic">{t('fallback', { label: tag.shown[l] })}</span>}
                    </td>
                  ))}
                  <td className="px-3 py-2 tabular-nums">{tag.postCount}</td>
                  <td className="px-3 py-2 text-right">
                    <Link href={`/admin/tags/${tag.id}/edit`} className="text-brand-700 underline" aria-label={t('editFor', { slug: tag.slug })}>{t('edit')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tags.pages > 1 && (
        <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4 text-sm">
          {tags.page > 1 ? <Link href={pageHref(tags.page - 1)} rel="prev" className={pager}>← {t('previous')}</Link> : <span />}
          <span className="text-stone-600">{t('pageStatus', { page: tags.page, pages: tags.pages })}</span>
          {tags.page < tags.pages ? <Link href={pageHref(tags.page + 1)} rel="next" className={pager}>{t('next')} →</Link> : <span />}
        </nav>
      )}
    </>
  );
}
