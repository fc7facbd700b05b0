'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { registerAction } from '@/lib/actions/auth';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

/**
 * Registration ends on "check your mailbox", for a new address and for one that has an account
 * alike (its owner gets a mail instead): the page never tells which addresses exist.
 */
export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('Auth');
  const locale = useLocale();
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(registerAction, null);
  const failed = state && !state.ok ? state : null;
  const field = (name: string) => messages.all(failed?.fieldErrors?.[name]);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{t('registerCheckMail', { email: state.email })}</FormMessage>
        <p>
          <Link href={{ pathname: '/sign-in', query: { callbackUrl } }} className="font-medium text-brand-700 underline">{t('signInLink')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage tone="error">{failed ? (messages.one(failed.formError) ?? messages.one('FormErrors.summary')) : null}</FormMessage>
      <input type="hidden" name="locale" value={locale} />
      <FormField id="email" name="email" type="email" label={t('email')} autoComplete="email" required defaultValue={failed?.values?.email} errors={field('email')} />
      <FormField
        id="name"
        name="name"
        label={t('name')}
        hint={t('nameHint')}
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={failed?.values?.name}
        errors={field('name')}
      />
      <FormField id="password" name="password" type="password" label={t('password')} hint={t('passwordHint')} autoComplete="new-password" required errors={field('password')} />
      <FormField id="confirmPassword" name="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" required errors={field('confirmPassword')} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('registering') : t('register')}
      </Button>
    </form>
  );
}
