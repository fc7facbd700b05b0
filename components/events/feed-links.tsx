import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/** Route handlers, not pages: plain anchors, outside the locale router. */
export async function FeedLinks({ locale }: { locale: Locale }) {
  const t = await getTranslations('Events');
  return (
    <p className="flex flex-wrap gap-3 text-sm">
      <a href={`/feed/${locale}/events.ics`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600">
        {t('subscribe')}
      </a>
      <a href={`/feed/${locale}/events.xml`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600">
        {t('rss')}
      </a>
    </p>
  );
}
