import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import type { Mail } from '@/lib/mail/send';

export type EmailTranslator = Awaited<ReturnType<typeof getTranslations<'Email'>>>;
export type MailAction = { href: string; label: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An absolute link to a page of the site in `locale`, e.g. siteLink('zh', '/verify-email', { token }). */
export function siteLink(locale: Locale, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`/${locale}${path}`, env.SITE_URL);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * A mail in the visitor's language: greeting, `intro`, one link per action (its address also
 * written out, for clients that hide links), `outro`, signature. `t` is the Email namespace,
 * resolved while the request is still there (mail goes out after the response).
 */
export function composeMail({ to, name, subject, locale, t, intro, actions, outro }: {
  to: string;
  name: string | null;
  subject: string;
  locale: Locale;
  t: EmailTranslator;
  intro: string[];
  actions: MailAction[];
  outro: string[];
}): Mail {
  const greeting = name ? t('greetingName', { name }) : t('greeting');
  const closing = [...outro, t('signature')];
  const paragraph = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const text = [greeting, ...intro, ...actions.map((a) => `${a.label}:\n${a.href}`), ...closing].join('\n\n');
  const html = `<!doctype html><html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
${[greeting, ...intro].map(paragraph).join('\n')}
${actions.map((a) => `<p><a href="${escapeHtml(a.href)}">${escapeHtml(a.label)}</a></p>\n<p style="word-break:break-all;color:#57534e">${escapeHtml(a.href)}</p>`).join('\n')}
${closing.map(paragraph).join('\n')}
</body></html>`;
  return { to, subject, text, html };
}
