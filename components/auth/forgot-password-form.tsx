'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { forgotPasswordAction } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export function ForgotPasswordForm() {
  const t = useTranslations('Auth');
  const locale = useLocale();
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(forgotPasswordAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage tone="success">{state?.ok ? t('forgotSent') : null}</FormMessage>
      <input type="hidden" name="locale" value={locale} />
      <FormField
        id="email"
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        required
        defaultValue={failed?.values?.email}
        errors={messages.all(failed?.fieldErrors?.email)}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('sending') : t('sendLink')}
      </Button>
    </form>
  );
}
