import { notFound, redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { enabledOAuthProviders } from '@/lib/auth';
import { getCurrentUser } from '@/lib/dal/session';
import { authMetadata, callbackFrom } from '@/components/auth/auth-page';
import { SignInForm } from '@/components/auth/sign-in-form';
import { ClientMessages } from '@/components/ui/client-messages';
import { FormMessage } from '@/components/ui/form-field';

export const dynamic = 'force-dynamic';

export function generateMetadata({ params }: PageProps<'/[locale]/sign-in'>) {
  return authMetadata(params, '/sign-in', 'signInTitle');
}

// Errors next-auth reports through ?error= (OAuth and its own pages).
const ERRORS: Record<string, 'wrongCredentials' | 'accountNotLinked' | 'accessDenied'> = {
  CredentialsSignin: 'wrongCredentials',
  OAuthAccountNotLinked: 'accountNotLinked',
  AccessDenied: 'accessDenied',
};

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const callbackUrl = callbackFrom(query, locale);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations('Auth');
  const error = typeof query.error === 'string' ? query.error : null;
  // Own keys only: `?error=constructor` must not find Object.prototype's.
  const errorKey = error ? (Object.hasOwn(ERRORS, error) ? ERRORS[error]! : 'failed') : null;

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t('signInTitle')}</h1>
      <p className="mb-6 text-stone-600">{t('signInIntro')}</p>
      {query.reset === '1' && (
        <div className="mb-4">
          <FormMessage tone="success">{t('resetDone')}</FormMessage>
        </div>
      )}
      {errorKey && (
        <div className="mb-4">
          <FormMessage tone="error">{t(errorKey)}</FormMessage>
        </div>
      )}
      <ClientMessages namespaces={['Auth', 'FormErrors']}>
        <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} />
      </ClientMessages>
      <div className="mt-6 space-y-2 text-sm">
        <p>
          <Link href="/forgot-password" className="text-brand-700 underline">{t('forgotLink')}</Link>
        </p>
        <p>
          {t('noAccount')}{' '}
          <Link href={{ pathname: '/register', query: { callbackUrl } }} className="font-medium text-brand-700 underline">{t('registerLink')}</Link>
        </p>
      </div>
    </>
  );
}
