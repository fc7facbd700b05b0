'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';
import { publicPath } from '@/lib/cached-pages';

// Plain links, so switching works without JavaScript. Following one sets the locale cookie in
// the proxy; a post with no version in the chosen language sends the reader to the listing.
export function LocaleSwitcher() {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
  const href = publicPath(usePathname());
  return (
    <nav aria-label={t('label')} className="flex gap-1 text-sm">
      {locales.map((locale) =>
        locale === current ? (
          <span key={locale} aria-current="true" className="rounded bg-stone-900 px-2 py-1 text-white">
            {t(locale)}
          </span>
        ) : (
          <Link key={locale} href={href} locale={locale} hrefLang={locale === 'zh' ? 'zh-CN' : 'en'} lang={locale === 'zh' ? 'zh-CN' : 'en'} className="rounded px-2 py-1 hover:bg-stone-100">
            {t(locale)}
          </Link>
        ),
      )}
    </nav>
  );
}
