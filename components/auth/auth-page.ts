import 'server-only';
import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { routing, type Locale } from '@/lib/i18n/routing';
import { alternatesFor } from '@/lib/site';
import { safeCallbackPath } from '@/lib/validations/auth';

/** Title, alternates and noindex for the sign-in, registration and reset pages. */
export async function authMetadata(params: Promise<{ locale: string }>, path: string, titleKey: 'signInTitle' | 'registerTitle' | 'forgotTitle' | 'resetTitle' | 'verifyTitle'): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return { title: t(titleKey), alternates: alternatesFor(locale, path), robots: { index: false, follow: false } };
}

/** The `callbackUrl` query value when it stays on this site, else the volunteer's start page. */
export function callbackFrom(query: Record<string, string | string[] | undefined>, locale: Locale): string {
  const raw = Array.isArray(query.callbackUrl) ? query.callbackUrl[0] : query.callbackUrl;
  return safeCallbackPath(raw, `/${locale}/translate`, new URL(env.NEXTAUTH_URL ?? env.SITE_URL).origin);
}
