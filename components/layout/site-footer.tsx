import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  const site = await getSiteSettings(locale);
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 sm:px-6">
        <div className="max-w-prose space-y-1">
          <p>
            <span className="font-semibold text-stone-800">{site.title}</span> — {site.tagline}
          </p>
          <p>{t('about')}</p>
        </div>
        <div className="space-y-2">
          {site.links.length > 0 && (
            <nav aria-label={t('links')}>
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {site.links.map((link, i) => (
                  <li key={i}>
                    {/* Admin-set addresses (https or a path on this site): already localized, so not the locale-adding Link. */}
                    <a href={link.url} className="underline" {...(link.url.startsWith('/') ? {} : { rel: 'noopener noreferrer' })}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <nav aria-label={t('feeds')} className="flex gap-3">
            <a href={`/feed/${locale}/rss.xml`} className="underline">{t('rss')}</a>
            <a href={`/feed/${locale}/atom.xml`} className="underline">{t('atom')}</a>
            <a href="/sitemap.xml" className="underline">{t('sitemap')}</a>
          </nav>
        </div>
      </div>
    </footer>
  );
}
