import 'server-only';
import { notFound } from 'next/navigation';
import { redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { AuthError } from '@/lib/dal/session';
import { DraftError } from '@/lib/dal/translation-drafts';

/**
 * Runs a page's data loading and turns the DAL's refusals into what a visitor should see: no
 * session → the sign-in page, coming back here afterwards; a role or an id they may not see → the
 * same 404 as a page that does not exist, so ids and admin pages reveal nothing.
 */
export async function guardPage<T>(locale: Locale, path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AuthError && error.code === 'UNAUTHENTICATED') return toSignIn(locale, path);
    if (error instanceof AuthError || (error instanceof DraftError && error.code === 'notFound')) notFound();
    throw error;
  }
}

export function toSignIn(locale: Locale, path: string): never {
  return redirect({ href: { pathname: '/sign-in', query: { callbackUrl: `/${locale}${path}` } }, locale });
}
