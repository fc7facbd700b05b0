import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import { composeMail, siteLink, type EmailTranslator } from '@/lib/mail/compose';
import type { Mail } from '@/lib/mail/send';

type Recipient = { to: string; name: string | null; locale: Locale; t: EmailTranslator };

/** The link a new account's owner follows to show the address is theirs. */
export function verificationMail({ to, name, token, locale, t }: Recipient & { token: string }): Mail {
  return composeMail({
    to,
    name,
    subject: t('verifySubject'),
    locale,
    t,
    intro: [t('verifyIntro')],
    actions: [{ href: siteLink(locale, '/verify-email', { token }), label: t('verifyButton') }],
    outro: [t('verifyExpiry'), t('verifyIgnore')],
  });
}

/**
 * To the owner of an address someone tried to register again. The visitor saw the same page as
 * for a new address; only the owner learns that the account exists, and how to get back in.
 */
export function accountExistsMail({ to, name, locale, t }: Recipient): Mail {
  return composeMail({
    to,
    name,
    subject: t('existsSubject'),
    locale,
    t,
    intro: [t('existsIntro')],
    actions: [
      { href: siteLink(locale, '/sign-in'), label: t('existsSignIn') },
      { href: siteLink(locale, '/forgot-password'), label: t('existsReset') },
    ],
    outro: [t('existsIgnore')],
  });
}
