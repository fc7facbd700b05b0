import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { verifyTokenSchema } from '@/lib/validations/auth';
import { checkEmailVerificationToken } from '@/lib/dal/email-verification';
import { getCurrentUser } from '@/lib/dal/session';
import { authMetadata } from '@/components/auth/auth-page';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { ClientMessages } from '@/components/ui/client-messages';
import { FormMessage } from '@/components/ui/form-field';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/verify-email'>) {
  // The token never goes into a referrer or a shared link preview.
  return { ...(await authMetadata(params, '/verify-email', 'verifyTitle')), referrer: 'no-referrer' as const };
}

/** Where the mailed link lands: a button to confirm, then the confirmation; or why the link fails. */
export default async function VerifyEmailPage({ params, searchParams }: PageProps<'/[locale]/verify-email'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('Auth');

  if (query.verified === '1') {
    const signedIn = Boolean(await getCurrentUser());
    const next = `/${locale}/translate`;
    return (
      <>
        <h1 className="mb-6 text-2xl font-bold">{t('verifyTitle')}</h1>
        <FormMessage tone="success">{t('verifyDone')}</FormMessage>
        <p className="mt-6">
          <Link href={signedIn ? '/translate' : { pathname: '/sign-in', query: { callbackUrl: next } }} className="font-medium text-brand-700 underline">
            {signedIn ? t('verifyGoTranslate') : t('signInLink')}
          </Link>
        </p>
      </>
    );
  }

  const token = verifyTokenSchema.safeParse(query.token);
  const state = token.success ? await checkEmailVerificationToken(token.data) : 'invalid';
  const errors = await getTranslations('FormErrors');
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t('verifyTitle')}</h1>
      {state === 'valid' && token.success ? (
        <>
          <p className="mb-6 text-stone-600">{t('verifyIntro')}</p>
          <ClientMessages namespaces={['Auth', 'FormErrors']}>
            <VerifyEmailForm token={token.data} />
          </ClientMessages>
        </>
      ) : (
        <FormMessage tone="error">
          {state === 'expired' ? errors('verifyTokenExpired') : errors('verifyTokenInvalid')}{' '}
          <Link href="/account" className="font-medium underline">{t('verifyNewLink')}</Link>
        </FormMessage>
      )}
    </>
  );
}
