'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { resendVerificationAction } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

/** Mails the signed-in user a new verification link (the earlier ones stop working). */
export function ResendVerificationForm({ email }: { email: string }) {
  const t = useTranslations('Account');
  const locale = useLocale();
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(resendVerificationAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} className="space-y-3">
      <FormMessage tone="error">{failed ? messages.one(failed.formError ?? 'FormErrors.invalid') : null}</FormMessage>
      <FormMessage tone="success">{state?.ok ? t('resent', { email }) : null}</FormMessage>
      <input type="hidden" name="locale" value={locale} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('resending') : t('resend')}
      </Button>
    </form>
  );
}
