import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireAdminPage } from '@/components/admin/require-admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'AdminHome' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function AdminHomePage({ params }: PageProps<'/[locale]/admin'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
  const t = await getTranslations('AdminHome');
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-stone-600">{t('intro')}</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-stone-200 bg-white p-4">
          <Link href="/admin/users" className="text-lg font-semibold text-brand-700 underline">{t('users')}</Link>
          <p className="mt-1 text-sm text-stone-600">{t('usersHint')}</p>
        </li>
        <li className="rounded-lg border border-stone-200 bg-white p-4">
          <Link href="/admin/audit" className="text-lg font-semibold text-brand-700 underline">{t('audit')}</Link>
          <p className="mt-1 text-sm text-stone-600">{t('auditHint')}</p>
        </li>
      </ul>
    </>
  );
}
