import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import 'katex/dist/katex.min.css';
import { routing } from '@/lib/i18n/routing';
import { Link, redirect } from '@/lib/i18n/navigation';
import { getPublishedPost } from '@/lib/dal/posts';
import { absoluteUrl, alternatesFor, HREFLANG } from '@/lib/site';
import { AuthorNames } from '@/components/blog/author-names';
import { TableOfContents } from '@/components/blog/table-of-contents';

// Rendered on first request, then served from the cache and refreshed in the background.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/blog/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const found = await getPublishedPost(slug, locale);
  if (found.kind !== 'found') return {};
  const { post } = found;
  const alternates = alternatesFor(locale, `/blog/${post.slug}`, [locale, ...post.alternates.map((a) => a.locale)]);
  const image = post.thumbnail ? absoluteUrl(post.thumbnail) : undefined;
  return {
    title: post.title,
    description: post.summary ?? undefined,
    alternates: post.canonicalUrl ? { ...alternates, canonical: post.canonicalUrl } : alternates,
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.summary ?? undefined,
      url: absoluteUrl(`/${locale}/blog/${post.slug}`),
      locale: HREFLANG[locale],
      publishedTime: post.publishedAt,
      modifiedTime: post.updatedAt,
      authors: post.authors.map((a) => a.displayName),
      tags: post.tags.map((t) => t.label),
      images: image ? [{ url: image }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: post.title, description: post.summary ?? undefined, images: image ? [image] : undefined },
  };
}

export default async function PostPage({ params }: PageProps<'/[locale]/blog/[slug]'>) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const found = await getPublishedPost(slug, locale);
  if (found.kind === 'missing') notFound();
  if (found.kind === 'untranslated') return redirect({ href: { pathname: '/blog', query: { untranslated: slug } }, locale });
  const { post } = found;
  const t = await getTranslations('Post');
  const lang = await getTranslations('Languages');
  const format = await getFormatter();
  const original = post.alternates.find((a) => a.locale === post.sourceLocale);
  const prominent = post.forceLinkToOtherLanguage && !post.isTranslation ? post.alternates[0] : undefined;

  return (
    <article className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10">
      <div>
        <header className="mb-8 border-b border-stone-200 pb-6">
          <p className="mb-3 text-sm">
            <Link href="/blog" className="text-brand-700 underline-offset-2 hover:underline">← {t('backToBlog')}</Link>
          </p>
          <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{post.title}</h1>
          <dl className="mt-4 space-y-1 text-sm text-stone-700">
            <div className="flex flex-wrap gap-2">
              <dt className="text-stone-500">{t('authors')}</dt>
              <dd><AuthorNames authors={post.authors} /></dd>
            </div>
            {post.translators.length > 0 && (
              <div className="flex flex-wrap gap-2">
                <dt className="text-stone-500">{t('translators')}</dt>
                <dd><AuthorNames authors={post.translators} /></dd>
              </div>
            )}
            {post.proofreaders.length > 0 && (
              <div className="flex flex-wrap gap-2">
                <dt className="text-stone-500">{t('proofreaders')}</dt>
                <dd><AuthorNames authors={post.proofreaders} /></dd>
              </div>
            )}
          </dl>
          <p className="mt-3 text-sm text-stone-600">
            <time dateTime={post.publishedAt}>{t('publishedOn', { date: format.dateTime(new Date(post.publishedAt), { dateStyle: 'long', timeZone: 'UTC' }) })}</time>
            {' · '}
            {t('readingTime', { minutes: post.readingMinutes })}
          </p>
          {post.tags.length > 0 && (
            <ul aria-label={t('tags')} className="mt-3 flex flex-wrap gap-2 text-sm">
              {post.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tags/${encodeURIComponent(tag.slug)}`} className="rounded-full bg-stone-100 px-2.5 py-0.5 hover:bg-stone-200">#{tag.label}</Link>
                </li>
              ))}
            </ul>
          )}
        </header>

        {prominent && (
          <aside className="mb-6 rounded-lg border-2 border-brand-600 bg-brand-50 p-4 text-lg" lang={HREFLANG[prominent.locale]}>
            <Link href={`/blog/${post.slug}`} locale={prominent.locale} className="font-semibold text-brand-800 underline">
              {t('readInOther', { language: lang(prominent.locale) })}: {prominent.title}
            </Link>
          </aside>
        )}
        {post.isTranslation && original && (
          <aside className="mb-4 rounded-lg border border-stone-200 bg-white p-3 text-sm">
            <Link href={`/blog/${post.slug}`} locale={original.locale} className="text-brand-700 underline">
              {t('translationOf', { language: lang(original.locale) })}
            </Link>
          </aside>
        )}
        {post.isBehindSource && (
          <aside role="note" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t('behindSource')}
          </aside>
        )}
        {!prominent && !post.isTranslation && post.alternates.length > 0 && (
          <p className="mb-4 text-sm text-stone-600">
            {post.alternates.map((a) => (
              <Link key={a.locale} href={`/blog/${post.slug}`} locale={a.locale} className="underline">
                {t('otherLanguage', { language: lang(a.locale) })}
              </Link>
            ))}
          </p>
        )}

        <div className="prose prose-stone max-w-none prose-headings:scroll-mt-4" dangerouslySetInnerHTML={{ __html: post.html }} />
      </div>
      <TableOfContents entries={post.toc} label={t('toc')} />
    </article>
  );
}
