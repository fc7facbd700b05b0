import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import type { Mail } from '@/lib/mail/send';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function resetLink(locale: Locale, token: string): string {
  return new URL(`/${locale}/reset-password?token=${encodeURIComponent(token)}`, env.SITE_URL).toString();
}

export type EmailTranslator = Awaited<ReturnType<typeof getTranslations<'Email'>>>;

/**
 * The reset mail in the language the visitor asked for it in. `t` is the Email namespace,
 * resolved while the request is still there (the mail itself goes out after the response).
 */
export function passwordResetMail({ to, name, token, locale, t }: { to: string; name: string | null; token: string; locale: Locale; t: EmailTranslator }): Mail {
  const link = resetLink(locale, token);
  const greeting = name ? t('greetingName', { name }) : t('greeting');
  const lines = [greeting, t('resetIntro'), link, t('resetExpiry'), t('resetIgnore'), t('signature')];
  const html = `<!doctype html><html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(t('resetIntro'))}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(t('resetButton'))}</a></p>
<p style="word-break:break-all;color:#57534e">${escapeHtml(link)}</p>
<p>${escapeHtml(t('resetExpiry'))}</p>
<p>${escapeHtml(t('resetIgnore'))}</p>
<p>${escapeHtml(t('signature'))}</p>
</body></html>`;
  return { to, subject: t('resetSubject'), text: lines.join('\n\n'), html };
}
