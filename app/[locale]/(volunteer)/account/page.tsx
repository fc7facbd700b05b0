import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { redirect } from '@/lib/i18n/navigation';
import { getCurrentUser } from '@/lib/dal/session';
import { getOwnAccount } from '@/lib/dal/users';
import { alternatesFor } from '@/lib/site';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { EmailVerificationNotice } from '@/components/auth/email-verification-notice';
import { ClientMessages } from '@/components/ui/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/account'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Account' });
  return { title: t('title'), alternates: alternatesFor(locale, '/account'), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params }: PageProps<'/[locale]/account'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  if (!(await getCurrentUser())) {
    return redirect({ href: { pathname: '/sign-in', query: { callbackUrl: `/${locale}/account` } }, locale });
  }
  const account = await getOwnAccount();
  const t = await getTranslations('Account');
  const roles = await getTranslations('Roles');
  const format = await getFormatter();

  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <SignOutButton variant="secondary" label={t('signOut')} pendingLabel={t('signingOut')} redirectTo={`/${locale}`} />
      </div>
      {!account.emailVerified && <EmailVerificationNotice email={account.email} />}
      <section aria-labelledby="details-heading" className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="details-heading" className="mb-4 text-xl font-semibold">{t('details')}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium text-stone-600">{t('name')}</dt>
          <dd>{account.name ?? t('noName')}</dd>
          <dt className="font-medium text-stone-600">{t('email')}</dt>
          <dd>
            {account.email}
            {!account.emailVerified && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm text-amber-900">{t('emailUnconfirmed')}</span>}
          </dd>
          <dt className="font-medium text-stone-600">{t('role')}</dt>
          <dd data-testid="account-role">{roles(account.role.toLowerCase() as 'volunteer' | 'reviewer' | 'admin')}</dd>
          <dt className="font-medium text-stone-600">{t('memberSince')}</dt>
          <dd>{format.dateTime(new Date(account.createdAt), { dateStyle: 'long' })}</dd>
        </dl>
      </section>
      <section aria-labelledby="password-heading" className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="password-heading" className="mb-4 text-xl font-semibold">{t('changePassword')}</h2>
        <ClientMessages namespaces={['Account', 'FormErrors']}>
          <ChangePasswordForm
            email={account.email}
            hasPassword={account.hasPassword}
            accountUrl={`/${locale}/account`}
            signInUrl={`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/account` })}`}
          />
        </ClientMessages>
      </section>
    </div>
  );
}
