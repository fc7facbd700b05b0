import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listPostsByAuthor, parsePage } from '@/lib/dal/posts';
import { alternatesFor } from '@/lib/site';
import { PostList } from '@/components/blog/post-list';
import { Pagination } from '@/components/ui/pagination';

export async function generateMetadata({ params }: PageProps<'/[locale]/authors/[handle]'>): Promise<Metadata> {
  const { locale, handle } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const found = await listPostsByAuthor(locale, decodeURIComponent(handle), 1);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: t('authorTitle', { name: found.author.displayName }), alternates: alternatesFor(locale, `/authors/${handle}`) };
}

export default async function AuthorPage({ params, searchParams }: PageProps<'/[locale]/authors/[handle]'>) {
  const { locale, handle } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const page = parsePage((await searchParams).page);
  if (page === null) notFound();
  const found = await listPostsByAuthor(locale, decodeURIComponent(handle), page);
  if (!found || page > found.posts.pages) notFound();
  const t = await getTranslations('Author');
  const lang = await getTranslations('LocaleSwitcher');
  const format = await getFormatter();
  const { author } = found;
  return (
    <>
      <header className="mb-8">
        <h1 className="text-3xl font-bold">{t('heading', { name: author.displayName })}</h1>
        <p className="mt-1 flex gap-2 text-sm text-stone-600">
          <span>@{author.handle}</span>
          {author.isGuest && <span className="rounded bg-amber-100 px-1.5 text-amber-900">{t('guest')}</span>}
          {author.isOrg && <span className="rounded bg-sky-100 px-1.5 text-sky-900">{t('org')}</span>}
        </p>
        {author.bio && <p className="mt-3 max-w-prose text-stone-700">{author.bio}</p>}
      </header>
      <section aria-labelledby="posts" className="mb-10">
        <h2 id="posts" className="mb-4 text-xl font-semibold">{t('posts')}</h2>
        <PostList posts={found.posts.items} viewer={locale} empty={t('empty')} />
        <Pagination path={`/authors/${encodeURIComponent(author.handle)}`} page={found.posts.page} pages={found.posts.pages} />
      </section>
      {found.translations.length > 0 && (
        <section aria-labelledby="translations">
          <h2 id="translations" className="mb-4 text-xl font-semibold">{t('translations')}</h2>
          <ul className="space-y-2">
            {found.translations.map((tr) => (
              <li key={`${tr.slug}-${tr.locale}`} className="flex flex-wrap gap-2">
                <Link href={`/blog/${tr.slug}`} locale={tr.locale} className="font-medium underline-offset-2 hover:underline">{tr.title}</Link>
                <span className="text-sm text-stone-500">
                  {lang(tr.locale)}
                  {tr.publishedAt && <> · {format.dateTime(new Date(tr.publishedAt), { dateStyle: 'medium', timeZone: 'UTC' })}</>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
