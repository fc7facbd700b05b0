'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import {
  changePasswordSchema,
  forgotPasswordSchema,
  registerSchema,
  resendVerificationSchema,
  resetPasswordSchema,
  verifyEmailSchema,
} from '@/lib/validations/auth';
import { changeOwnPassword } from '@/lib/dal/users';
import { createPasswordResetToken, resetPassword } from '@/lib/dal/password-reset';
import { createMyVerificationToken, registerUser, verifyEmail } from '@/lib/dal/email-verification';
import { allowMailTo, allowRegistration, clientIp } from '@/lib/dal/rate-limit';
import { passwordResetMail } from '@/lib/mail/password-reset';
import { accountExistsMail, verificationMail } from '@/lib/mail/account-mail';
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

/** Runs `send` after the response, so neither the reply nor its timing depends on what it finds. */
function mailAfterResponse(what: string, send: () => Promise<unknown>) {
  after(async () => {
    try {
      await send();
    } catch (error) {
      await logRequestEvent('error', `${what} mail failed`, { err: errorMessage(error) });
    }
  });
}

/**
 * Always the same answer ("check your mailbox"), at the same speed: the account, its link and
 * the mail are made after the response. A new address gets the link to verify it; the owner of
 * an address that has an account is told by mail instead, so the form never says which exist.
 */
export const registerAction = withSchema(registerSchema, async ({ email, name, password }, formData) => {
  const locale = await formLocale(formData);
  const requestHeaders = await headers();
  if (!(await allowRegistration(clientIp((h) => requestHeaders.get(h))))) return failure('FormErrors.registerRateLimited', formData);
  const t = await getTranslations({ locale, namespace: 'Email' });
  mailAfterResponse('registration', async () => {
    const registration = await registerUser({ email, name, password });
    if (registration.kind === 'created') await sendMail(verificationMail({ to: registration.email, name: registration.name, token: registration.token, locale, t }));
    else if (registration.kind === 'taken' && (await allowMailTo('account-notice', registration.email))) {
      await sendMail(accountExistsMail({ to: registration.email, name: registration.name, locale, t }));
    }
  });
  return { ok: true, email };
});

/** The signed-in user's new verification link; asking again within the hour has a limit. */
export const resendVerificationAction = withUser(resendVerificationSchema, async (_input, user, formData) => {
  const locale = await formLocale(formData);
  if (!(await allowMailTo('verify-mail', user.email))) return failure('FormErrors.verifyMailLimit');
  const t = await getTranslations({ locale, namespace: 'Email' });
  const link = await createMyVerificationToken();
  if (link) mailAfterResponse('verification', () => sendMail(verificationMail({ to: link.email, name: link.name, token: link.token, locale, t })));
  return { ok: true };
});

export const verifyEmailAction = withSchema(verifyEmailSchema, async ({ token }, formData) => {
  const locale = await formLocale(formData);
  const result = await verifyEmail(token);
  if (!result.ok) return failure(result.reason === 'EXPIRED' ? 'FormErrors.verifyTokenExpired' : 'FormErrors.verifyTokenInvalid');
  return redirect({ href: { pathname: '/verify-email', query: { verified: '1' } }, locale });
});

/** Always the same answer, at the same speed, whether or not the address has an account. */
export const forgotPasswordAction = withSchema(forgotPasswordSchema, async ({ email }, formData) => {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: 'Email' });
  mailAfterResponse('password reset', async () => {
    if (!(await allowMailTo('reset-mail', email))) return;
    const reset = await createPasswordResetToken(email);
    if (reset) await sendMail(passwordResetMail({ to: reset.email, name: reset.name, token: reset.token, locale, t }));
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
