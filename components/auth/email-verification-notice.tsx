import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ui/client-messages';
import { ResendVerificationForm } from '@/components/auth/resend-verification-form';

/** For a signed-in user whose address is not verified: why it matters, and a new link. */
export async function EmailVerificationNotice({ email }: { email: string }) {
  const t = await getTranslations('Account');
  return (
    <section id="verify-email" aria-labelledby="verify-email-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-950">
      <h2 id="verify-email-heading" className="mb-2 text-xl font-semibold">
        {t('verifyHeading')}
      </h2>
      <p className="mb-4">{t('verifyPending', { email })}</p>
      <ClientMessages namespaces={['Account', 'FormErrors']}>
        <ResendVerificationForm email={email} />
      </ClientMessages>
    </section>
  );
}
