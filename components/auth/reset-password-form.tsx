'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/lib/actions/auth';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('Auth');
  const locale = useLocale();
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(resetPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  const tokenError = failed?.formError ?? failed?.fieldErrors?.token?.[0];

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage tone="error">
        {tokenError ? (
          <>
            {messages.one(tokenError)}{' '}
            <Link href="/forgot-password" className="font-medium underline">
              {t('requestNewLink')}
            </Link>
          </>
        ) : failed ? (
          messages.one('FormErrors.summary')
        ) : null}
      </FormMessage>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <FormField
        id="password"
        name="password"
        type="password"
        label={t('newPassword')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        required
        errors={messages.all(failed?.fieldErrors?.password)}
      />
      <FormField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={t('confirmNewPassword')}
        autoComplete="new-password"
        required
        errors={messages.all(failed?.fieldErrors?.confirmPassword)}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('saving') : t('savePassword')}
      </Button>
    </form>
  );
}
