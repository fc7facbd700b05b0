import 'server-only';
import type { Metadata } from 'next';
import { env } from '@/lib/env';
import { locales, type Locale } from '@/lib/i18n/routing';

export const HREFLANG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function absoluteUrl(path: string): string {
  return new URL(path, env.SITE_URL).toString();
}

export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '' : path}`;
}

/**
 * Canonical and hreflang alternates for a page that exists in `available` languages, plus the
 * feeds of the page's language.
 */
export function alternatesFor(locale: Locale, path: string, available: readonly Locale[] = locales): Metadata['alternates'] {
  const languages: Record<string, string> = {};
  for (const l of available) languages[HREFLANG[l]] = absoluteUrl(localePath(l, path));
  if (available.includes('en')) languages['x-default'] = absoluteUrl(localePath('en', path));
  return {
    canonical: absoluteUrl(localePath(locale, path)),
    languages,
    types: {
      'application/rss+xml': absoluteUrl(`/feed/${locale}/rss.xml`),
      'application/atom+xml': absoluteUrl(`/feed/${locale}/atom.xml`),
    },
  };
}
