'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/safe-action';
import { registerAction } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { signInWithPassword } from '@/components/auth/auth-client';

type State = (ActionState & { redirecting?: boolean }) | null;

export function RegisterForm({ callbackUrl, signInUrl }: { callbackUrl: string; signInUrl: string }) {
  const t = useTranslations('Auth');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState<State, FormData>(async (prev, formData) => {
    const result = await registerAction(prev, formData);
    if (!result.ok) return result;
    // The account exists: sign in with what was just typed, then go on.
    const signedIn = await signInWithPassword(String(formData.get('email')), String(formData.get('password')), callbackUrl);
    window.location.assign(signedIn.ok ? callbackUrl : signInUrl);
    return { ...result, redirecting: true };
  }, null);

  const failed = state && !state.ok ? state : null;
  const busy = pending || Boolean(state?.ok);
  const field = (name: string) => messages.all(failed?.fieldErrors?.[name]);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage tone="error">{failed ? (messages.one(failed.formError) ?? messages.one('FormErrors.summary')) : null}</FormMessage>
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
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t('registering') : t('register')}
      </Button>
    </form>
  );
}
