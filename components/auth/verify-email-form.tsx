'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { verifyEmailAction } from '@/lib/actions/auth';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

/**
 * One button rather than a link that verifies on arrival: mail scanners open links, and one that
 * did must not use up the owner's token. The action redirects to the confirmation.
 */
export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations('Auth');
  const locale = useLocale();
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(verifyEmailAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.formError ?? failed?.fieldErrors?.token?.[0];

  return (
    <form action={formAction} className="space-y-4">
      <FormMessage tone="error">
        {error ? (
          <>
            {messages.one(error)}{' '}
            <Link href="/account" className="font-medium underline">
              {t('verifyNewLink')}
            </Link>
          </>
        ) : null}
      </FormMessage>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('verifying') : t('verifyButton')}
      </Button>
    </form>
  );
}
