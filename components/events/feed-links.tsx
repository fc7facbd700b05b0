import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { absoluteUrl } from '@/lib/site';

/** webcal: hands the feed to the visitor's calendar app as a subscription, not a download. */
export function webcalUrl(locale: Locale): string {
  return absoluteUrl(`/feed/${locale}/events.ics`).replace(/^https?:/, 'webcal:');
}

/** Route handlers, not pages: plain anchors, outside the locale router. */
export async function FeedLinks({ locale }: { locale: Locale }) {
  const t = await getTranslations('Events');
  const button = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600';
  return (
    <p className="flex flex-wrap gap-3 text-sm">
      <a href={webcalUrl(locale)} className={button}>
        {t('subscribe')}
      </a>
      <a href={`/feed/${locale}/events.ics`} className={button}>
        {t('icsFeed')}
      </a>
      <a href={`/feed/${locale}/events.xml`} className={button}>
        {t('rss')}
      </a>
    </p>
  );
}
