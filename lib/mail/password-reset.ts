import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import { composeMail, siteLink, type EmailTranslator } from '@/lib/mail/compose';
import type { Mail } from '@/lib/mail/send';

export type { EmailTranslator } from '@/lib/mail/compose';

export function resetLink(locale: Locale, token: string): string {
  return siteLink(locale, '/reset-password', { token });
}

/** The reset mail in the language the visitor asked for it in. */
export function passwordResetMail({ to, name, token, locale, t }: { to: string; name: string | null; token: string; locale: Locale; t: EmailTranslator }): Mail {
  return composeMail({
    to,
    name,
    subject: t('resetSubject'),
    locale,
    t,
    intro: [t('resetIntro')],
    actions: [{ href: resetLink(locale, token), label: t('resetButton') }],
    outro: [t('resetExpiry'), t('resetIgnore')],
  });
}
