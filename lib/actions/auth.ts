'use server';

import { after } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { changePasswordSchema, forgotPasswordSchema, registerSchema, resetPasswordSchema } from '@/lib/validations/auth';
import { changeOwnPassword, createPasswordResetToken, registerUser, resetPassword } from '@/lib/dal/users';
import { allowResetMail } from '@/lib/dal/rate-limit';
import { passwordResetMail } from '@/lib/mail/password-reset';
import { sendMail } from '@/lib/mail/send';
import { failure, fieldFailure, withSchema, withUser } from '@/lib/actions/safe-action';
import { errorMessage } from '@/lib/log';
import { logRequestEvent } from '@/lib/request-log';

async function formLocale(formData: FormData): Promise<Locale> {
  const value = formData.get('locale');
  if (isLocale(value)) return value;
  const current = await getLocale();
  return isLocale(current) ? current : 'en';
}

/** Creates a volunteer account; the form then signs in with the same credentials. */
export const registerAction = withSchema(registerSchema, async ({ email, name, password }, formData) => {
  const result = await registerUser({ email, name, password });
  if (!result.ok) return fieldFailure({ email: ['FormErrors.emailTaken'] }, formData);
  return { ok: true };
});

/**
 * Always the same answer, at the same speed: the lookup, the token and the mail all happen
 * after the response, so neither the reply nor its timing tells whether the address has an account.
 */
export const forgotPasswordAction = withSchema(forgotPasswordSchema, async ({ email }, formData) => {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: 'Email' });
  after(async () => {
    try {
      if (!(await allowResetMail(email))) return;
      const reset = await createPasswordResetToken(email);
      if (reset) await sendMail(passwordResetMail({ to: reset.email, name: reset.name, token: reset.token, locale, t }));
    } catch (error) {
      await logRequestEvent('error', 'password reset mail failed', { err: errorMessage(error) });
    }
  });
  return { ok: true };
});

export const resetPasswordAction = withSchema(resetPasswordSchema, async ({ token, password }, formData) => {
  const locale = await formLocale(formData);
  const result = await resetPassword(token, password);
  if (!result.ok) return failure(result.reason === 'EXPIRED' ? 'FormErrors.resetTokenExpired' : 'FormErrors.resetTokenInvalid');
  return redirect({ href: { pathname: '/sign-in', query: { reset: '1' } }, locale });
});

/** Ends every session of the user; the form signs this one in again with the new password. */
export const changePasswordAction = withUser(changePasswordSchema, async ({ currentPassword, password }, _user, formData) => {
  const result = await changeOwnPassword(currentPassword, password);
  if (!result.ok) return fieldFailure({ currentPassword: ['FormErrors.currentPasswordWrong'] }, formData);
  return { ok: true };
});
