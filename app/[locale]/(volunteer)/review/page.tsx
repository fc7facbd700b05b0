import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { listReviewQueue } from '@/lib/dal/reviews';
import { guardPage } from '@/lib/pages/guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/review'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Review' });
  return { title: t('queueTitle'), robots: { index: false } };
}

export default async function ReviewQueuePage({ params, searchParams }: PageProps<'/[locale]/review'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const items = await guardPage(locale, '/review', () => listReviewQueue());
  const t = await getTranslations('Review');
  const lang = await getTranslations('Languages');
  const format = await getFormatter();
  const published = typeof query.published === 'string' ? query.published : null;
  const publishedLocale = isLocale(query.lang) ? query.lang : locale;

  return (
    <>
      <h1 className="text-3xl font-bold">{t('queueTitle')}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t('queueIntro')}</p>
      {published && (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-900">
          {t('publishedNotice')}{' '}
          <Link href={`/blog/${published}`} locale={publishedLocale} className="font-medium underline">
            {t('viewPublished')}
          </Link>
        </p>
      )}
      {query.changesRequested === '1' && (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-900">
          {t('changesRequestedNotice')}
        </p>
      )}
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-4 text-stone-600">{t('queueEmpty')}</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium">
                  {item.title || item.slug}
                  {item.isOwn && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800">{t('ownBadge')}</span>}
                </p>
                <p className="text-sm text-stone-700">{t('originalTitle', { title: item.sourceTitle })}</p>
                <p className="mt-1 text-sm text-stone-600">
                  {t('queueMeta', { language: lang(item.locale), translator: item.translator, date: format.dateTime(new Date(item.submittedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
                </p>
              </div>
              <Link href={`/review/${item.id}`} aria-label={t('rowAction', { action: item.isOwn ? t('view') : t('review'), title: item.title || item.slug })} className={item.isOwn ? 'rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium' : 'rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800'}>
                {item.isOwn ? t('view') : t('review')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
