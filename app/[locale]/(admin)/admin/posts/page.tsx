import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { locales } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listPostsForAdmin } from '@/lib/dal/posts-admin';
import { postListQuerySchema } from '@/lib/validations/posts-admin';
import { adminMetadata, openAdminPage, readPagedQuery } from '@/components/admin/admin-page';
import { ClientMessages } from '@/components/ui/client-messages';
import { Pagination } from '@/components/ui/pagination';
import { PostFilters } from '@/components/posts-admin/post-filters';
import { VersionCell } from '@/components/posts-admin/version-cell';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminMetadata('PostAdmin', 'title');

export default async function AdminPostsPage({ params, searchParams }: PageProps<'/[locale]/admin/posts'>) {
  const { locale } = await openAdminPage(params);
  const { query, page } = await readPagedQuery(searchParams);
  const { q, status, lang, tz } = postListQuerySchema.parse(query);
  const timeZone = tz ?? 'UTC';
  const filter = { q, status, lang };
  const posts = await listPostsForAdmin(locale, filter, page);
  if (page > posts.pages) notFound();
  const t = await getTranslations('PostAdmin');
  const languages = await getTranslations('Languages');
  const filtered = Boolean(q || status || lang);
  // Paging keeps the filters and the zone.
  const kept = Object.fromEntries(Object.entries({ q, status, lang, tz: timeZone === 'UTC' ? undefined : timeZone }).filter((e): e is [string, string] => typeof e[1] === 'string'));

  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="max-w-3xl text-stone-600">{t('intro', { zone: timeZone })}</p>
      {tz === null && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t('zoneUnknown')}</p>}
      <PostFilters filter={filter} timeZone={timeZone} />
      <p className="text-sm text-stone-600" role="status">{t('count', { total: posts.total })}</p>
      {posts.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">{filtered ? t('noMatch') : t('empty')}</p>
      ) : (
        <ClientMessages namespaces={['PostAdmin', 'FormErrors']}>
          <div role="region" aria-label={t('title')} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('title')}</caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{t('columns.post')}</th>
                  {locales.map((l) => <th key={l} scope="col" className="px-3 py-2">{languages(l)}</th>)}
                </tr>
              </thead>
              <tbody>
                {posts.items.map((post) => (
                  <tr key={post.id} data-slug={post.slug} className="border-b border-stone-100 last:border-0">
                    <th scope="row" className="max-w-xs px-3 py-2 text-left align-top font-normal">
                      <span className="block font-medium" lang={post.titleLocale === 'zh' ? 'zh-CN' : 'en'}>{post.title}</span>
                      <code className="block text-xs break-all text-stone-600">{post.slug}</code>
                      <span className="block text-xs text-stone-600">{t('sourceLanguage', { language: languages(post.sourceLocale) })}</span>
                      <Link href={`/admin/posts/${encodeURIComponent(post.slug)}/thumbnail`} className="text-xs text-brand-700 underline" aria-label={t('thumbnailLinkLabel', { title: post.title })}>{t('thumbnailLink')}</Link>
                    </th>
                    {post.versions.map((v) => <VersionCell key={v.locale} post={post} version={v} viewer={locale} timeZone={timeZone} />)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ClientMessages>
      )}
      <Pagination path="/admin/posts" page={posts.page} pages={posts.pages} query={kept} />
    </>
  );
}
