import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { resetTokenSchema } from '@/lib/validations/auth';
import { checkPasswordResetToken } from '@/lib/dal/password-reset';
import { authMetadata } from '@/components/auth/auth-page';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { ClientMessages } from '@/components/ui/client-messages';
import { FormMessage } from '@/components/ui/form-field';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/reset-password'>) {
  // The token never goes into a referrer or a shared link preview.
  return { ...(await authMetadata(params, '/reset-password', 'resetTitle')), referrer: 'no-referrer' as const };
}

export default async function ResetPasswordPage({ params, searchParams }: PageProps<'/[locale]/reset-password'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const token = resetTokenSchema.safeParse(raw);
  const state = token.success ? await checkPasswordResetToken(token.data) : 'invalid';
  const t = await getTranslations('Auth');
  const errors = await getTranslations('FormErrors');

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t('resetTitle')}</h1>
      {state === 'valid' && token.success ? (
        <ClientMessages namespaces={['Auth', 'FormErrors']}>
          <ResetPasswordForm token={token.data} />
        </ClientMessages>
      ) : (
        <FormMessage tone="error">
          {state === 'expired' ? errors('resetTokenExpired') : errors('resetTokenInvalid')}{' '}
          <Link href="/forgot-password" className="font-medium underline">{t('requestNewLink')}</Link>
        </FormMessage>
      )}
    </>
  );
}
