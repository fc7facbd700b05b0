import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 sm:px-6">
        <p className="max-w-prose">{t('about')}</p>
        <nav aria-label={t('feeds')} className="flex gap-3">
          <a href={`/feed/${locale}/rss.xml`} className="underline">{t('rss')}</a>
          <a href={`/feed/${locale}/atom.xml`} className="underline">{t('atom')}</a>
          <a href="/sitemap.xml" className="underline">{t('sitemap')}</a>
        </nav>
      </div>
    </footer>
  );
}
