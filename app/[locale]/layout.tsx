import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { HREFLANG } from '@/lib/site';
import { env } from '@/lib/env';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const site = await getSiteSettings(locale);
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: t('homeTitle', { siteName: site.title }), template: `%s · ${site.title}` },
    description: site.tagline,
    openGraph: { siteName: site.title, locale: HREFLANG[locale] },
    twitter: { card: 'summary_large_image' },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const messages = await getMessages();
  const t = await getTranslations('Nav');
  return (
    <html lang={HREFLANG[locale]}>
      <body className="flex min-h-screen flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t('skipToContent')}
        </a>
        {/* Only what client components need is sent to the browser. */}
        <NextIntlClientProvider messages={{ Error: messages.Error, LocaleSwitcher: messages.LocaleSwitcher }}>
          <SiteHeader locale={locale} />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter locale={locale} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
