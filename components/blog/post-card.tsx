import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { PostCard as PostCardDto } from '@/lib/dal/posts';
import type { Locale } from '@/lib/i18n/routing';

export async function PostCard({ post, viewer }: { post: PostCardDto; viewer: Locale }) {
  const t = await getTranslations('Blog');
  const lang = await getTranslations('LocaleSwitcher');
  const format = await getFormatter();
  const htmlLang = post.locale === 'zh' ? 'zh-CN' : 'en';
  return (
    <article className="flex flex-col rounded-lg border border-stone-200 bg-white p-5 shadow-sm" lang={post.locale === viewer ? undefined : htmlLang}>
      <h2 className="text-lg font-semibold leading-snug">
        <Link href={`/blog/${post.slug}`} locale={post.locale} className="hover:text-brand-700">
          {post.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        <time dateTime={post.publishedAt}>{format.dateTime(new Date(post.publishedAt), { dateStyle: 'long', timeZone: 'UTC' })}</time>
        {post.authors.length > 0 && <> · {t('by', { authors: post.authors.map((a) => a.displayName).join(', ') })}</>}
      </p>
      {post.summary && <p className="mt-3 line-clamp-3 text-stone-700">{post.summary}</p>}
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-4 text-xs">
        <span className="text-stone-500">{t('languages')}:</span>
        {post.locales.map((l) => (
          <Link key={l} href={`/blog/${post.slug}`} locale={l} lang={l === 'zh' ? 'zh-CN' : 'en'} className="rounded-full border border-stone-300 px-2 py-0.5 hover:border-brand-600">
            {lang(l)}
          </Link>
        ))}
        {post.tags.map((tag) => (
          <Link key={tag.slug} href={`/tags/${encodeURIComponent(tag.slug)}`} className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-700 hover:bg-stone-200">
            #{tag.label}
          </Link>
        ))}
      </div>
    </article>
  );
}
