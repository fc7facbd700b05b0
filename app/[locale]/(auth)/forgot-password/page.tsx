import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { authMetadata } from '@/components/auth/auth-page';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { ClientMessages } from '@/components/ui/client-messages';

export function generateMetadata({ params }: PageProps<'/[locale]/forgot-password'>) {
  return authMetadata(params, '/forgot-password', 'forgotTitle');
}

export default async function ForgotPasswordPage({ params }: PageProps<'/[locale]/forgot-password'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Auth');
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t('forgotTitle')}</h1>
      <p className="mb-6 text-stone-600">{t('forgotIntro')}</p>
      <ClientMessages namespaces={['Auth', 'FormErrors']}>
        <ForgotPasswordForm />
      </ClientMessages>
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">{t('backToSignIn')}</Link>
      </p>
    </>
  );
}
