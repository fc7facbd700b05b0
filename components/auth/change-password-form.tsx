'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/safe-action';
import { changePasswordAction } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { signInWithPassword } from '@/components/auth/auth-client';

/**
 * Changing the password ends every session, this one too; the form signs in again with the new
 * password so the person who changed it stays signed in here.
 */
export function ChangePasswordForm({ email, hasPassword, accountUrl, signInUrl }: { email: string; hasPassword: boolean; accountUrl: string; signInUrl: string }) {
  const t = useTranslations('Account');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(async (prev, formData) => {
    const result = await changePasswordAction(prev, formData);
    if (!result.ok) return result;
    const signedIn = await signInWithPassword(email, String(formData.get('password')), accountUrl);
    if (!signedIn.ok) window.location.assign(signInUrl);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage tone="error">{failed ? (messages.one(failed.formError) ?? messages.one('FormErrors.summary')) : null}</FormMessage>
      <FormMessage tone="success">{state?.ok ? t('passwordChanged') : null}</FormMessage>
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {hasPassword ? (
        <FormField
          id="currentPassword"
          name="currentPassword"
          type="password"
          label={t('currentPassword')}
          autoComplete="current-password"
          required
          errors={messages.all(failed?.fieldErrors?.currentPassword)}
        />
      ) : (
        <>
          <p className="text-sm text-stone-600">{t('setPasswordHint')}</p>
          <input type="hidden" name="currentPassword" value="" />
        </>
      )}
      <FormField
        id="newPassword"
        name="password"
        type="password"
        label={t('newPassword')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        required
        errors={messages.all(failed?.fieldErrors?.password)}
      />
      <FormField
        id="confirmNewPassword"
        name="confirmPassword"
        type="password"
        label={t('confirmPassword')}
        autoComplete="new-password"
        required
        errors={messages.all(failed?.fieldErrors?.confirmPassword)}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
