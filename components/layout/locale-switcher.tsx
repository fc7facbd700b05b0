'use client';

import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';
import { publicPath } from '@/lib/cached-pages';

// Plain links, so switching works without JavaScript. Following one sets the locale cookie in
// the proxy; a post with no version in the chosen language sends the reader to the listing.
//
// A search or a listing page keeps its query in the other language once the page has loaded: a
// cached page is rendered without the query string, so the links start without it (the Suspense
// fallback, also what a reader without JavaScript follows) and gain it in the browser.
export function LocaleSwitcher() {
  const pathname = usePathname();
  const rendered = publicPath(pathname);
  return (
    <Suspense fallback={<Links href={rendered} />}>
      <LinksWithQuery pathname={pathname} rendered={rendered} />
    </Suspense>
  );
}

// What of the query string each public page keeps across languages.
const KEPT: Record<string, string[]> = { '/search': ['q', 'page'], '/blog': ['page'], '/events': ['when', 'type', 'attendance'] };

function LinksWithQuery({ pathname, rendered }: { pathname: string; rendered: string }) {
  const search = useSearchParams();
  const kept = new URLSearchParams();
  for (const name of KEPT[pathname] ?? []) {
    const value = search.get(name);
    if (value) kept.set(name, value);
  }
  return <Links href={kept.size ? `${pathname}?${kept}` : rendered} />;
}

function Links({ href }: { href: string }) {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
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
