'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { signInWithPassword, startOAuth } from '@/components/auth/auth-client';

type State = {
  email: string;
  redirecting?: boolean;
  error?: 'credentials' | 'rateLimited' | 'failed';
  minutes?: number;
  fieldErrors?: { email?: string; password?: string };
};

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const t = useTranslations('Auth');
  const f = useTranslations('FormErrors');
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, formData) => {
    const email = String(formData.get('email') ?? '').trim();
    const password = String(formData.get('password') ?? '');
    // The server refuses a NUL outright; here it gets the same message as in every other form.
    const fieldErrors = {
      ...(email ? (email.includes('\u0000') ? { email: 'nulCharacter' } : {}) : { email: 'emailRequired' }),
      ...(password ? (password.includes('\u0000') ? { password: 'nulCharacter' } : {}) : { password: 'passwordRequired' }),
    };
    if (Object.keys(fieldErrors).length) return { email, fieldErrors };
    const result = await signInWithPassword(email, password, callbackUrl);
    if (result.ok) {
      // A full load, so the header and every cached view see the new session.
      window.location.assign(callbackUrl);
      return { email, redirecting: true };
    }
    return { email, error: result.error, minutes: result.retryAfterMinutes };
  }, { email: '' });

  const busy = pending || state.redirecting;
  const message =
    state.error === 'credentials'
      ? t('wrongCredentials')
      : state.error === 'rateLimited'
        ? t('tooManyAttempts', { minutes: state.minutes ?? 15 })
        : state.error === 'failed'
          ? t('failed')
          : null;

  return (
    <div className="space-y-6">
      <form action={formAction} noValidate className="space-y-4">
        <FormMessage tone="error">{message}</FormMessage>
        <FormField
          id="email"
          name="email"
          type="email"
          label={t('email')}
          autoComplete="email"
          required
          defaultValue={state.email}
          errors={state.fieldErrors?.email ? [f(state.fieldErrors.email)] : []}
        />
        <FormField
          id="password"
          name="password"
          type="password"
          label={t('password')}
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.password ? [f(state.fieldErrors.password)] : []}
        />
        <Button type="submit" disabled={busy} aria-disabled={busy} className="w-full">
          {busy ? t('signingIn') : t('signIn')}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2">
          <p className="text-center text-sm text-stone-600">{t('orContinueWith')}</p>
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" className="w-full" onClick={() => startOAuth(p.id, callbackUrl)}>
              {t('continueWith', { provider: p.name })}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
