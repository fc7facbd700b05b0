import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { AccountMenu } from '@/components/layout/account-menu';
import { getSiteSettings } from '@/lib/dal/cached-site-settings';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Nav' });
  const site = await getSiteSettings(locale);
  const account = await getTranslations({ locale, namespace: 'AccountMenu' });
  const accountLabels = {
    label: account('label'),
    signIn: account('signIn'),
    translate: account('translate'),
    review: account('review'),
    account: account('account'),
    admin: account('admin'),
    signOut: account('signOut'),
  };
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        {/* On a phone the main navigation takes a row of its own below; labels never break. */}
        <Link href="/" className="mr-auto text-xl font-bold text-brand-700 sm:mr-0">
          {site.title}
        </Link>
        <nav aria-label={t('label')} className="order-last flex w-full gap-4 whitespace-nowrap text-sm font-medium sm:order-none sm:w-auto sm:flex-1">
          <Link href="/blog" className="hover:text-brand-700">{t('blog')}</Link>
          <Link href="/events" className="hover:text-brand-700">{t('events')}</Link>
          <Link href="/channels" className="hover:text-brand-700">{t('channels')}</Link>
          <Link href="/search" className="hover:text-brand-700">{t('search')}</Link>
        </nav>
        <AccountMenu locale={locale} labels={accountLabels} />
        <LocaleSwitcher />
      </div>
    </header>
  );
}
