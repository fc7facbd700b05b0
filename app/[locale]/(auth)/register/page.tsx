import { notFound, redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getCurrentUser } from '@/lib/dal/session';
import { authMetadata, callbackFrom } from '@/components/auth/auth-page';
import { RegisterForm } from '@/components/auth/register-form';
import { ClientMessages } from '@/components/ui/client-messages';

export const dynamic = 'force-dynamic';

export function generateMetadata({ params }: PageProps<'/[locale]/register'>) {
  return authMetadata(params, '/register', 'registerTitle');
}

export default async function RegisterPage({ params, searchParams }: PageProps<'/[locale]/register'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const callbackUrl = callbackFrom(await searchParams, locale);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations('Auth');

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t('registerTitle')}</h1>
      <p className="mb-6 text-stone-600">{t('registerIntro')}</p>
      <ClientMessages namespaces={['Auth', 'FormErrors']}>
        <RegisterForm callbackUrl={callbackUrl} />
      </ClientMessages>
      <p className="mt-6 text-sm">
        {t('haveAccount')}{' '}
        <Link href={{ pathname: '/sign-in', query: { callbackUrl } }} className="font-medium text-brand-700 underline">{t('signInLink')}</Link>
      </p>
    </>
  );
}
