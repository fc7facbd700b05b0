import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import type { CurrentUser } from '@/lib/dal/session';
import { parsePage } from '@/lib/dal/posts';
import { adminViewer, requireAdminPage } from '@/components/admin/require-admin';

// Typed against en.json so that a title key missing from the messages fails the type check:
// the messages test finds keys by reading `t('…')` calls, which these helpers do not contain.
type Messages = typeof import('@/messages/en.json');
type Namespace = keyof Messages & string;
type MessageKey<N extends Namespace> = { [K in keyof Messages[N]]: Messages[N][K] extends string ? K : never }[keyof Messages[N]] & string;

type GenerateMetadata = (props: { params: Promise<{ locale: string }> }) => Promise<Metadata>;

/** A page's `generateMetadata`: the title from `namespace.key`, and kept out of search engines. */
export function adminMetadata<N extends Namespace>(namespace: N, key: MessageKey<N>): GenerateMetadata;
export function adminMetadata(namespace: string, key: string): GenerateMetadata {
  return async ({ params }) => {
    const { locale } = await params;
    if (!hasLocale(routing.locales, locale)) return {};
    // Metadata is resolved beside the page, not after its role check: without this, the 404 a
    // visitor gets here would still carry the admin page's title.
    if (!(await adminViewer())) return {};
    const t = await getTranslations({ locale, namespace });
    return { title: t(key), robots: { index: false, follow: false } };
  };
}

/**
 * What every admin page does first: an unknown locale or a visitor who is not an admin gets the
 * 404. Returns the route's params with the locale checked, and the admin.
 */
export async function openAdminPage<P extends { locale: string }>(params: Promise<P>): Promise<Omit<P, 'locale'> & { locale: Locale; admin: CurrentUser }> {
  const { locale, ...rest } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const admin = await requireAdminPage();
  return { ...rest, locale, admin };
}

/** `openAdminPage` for an `[id]` route, then the record it names, or the 404. */
export async function openAdminRecordPage<T>(
  params: Promise<{ locale: string; id: string }>,
  load: (id: string) => Promise<T | null>,
): Promise<{ locale: Locale; record: T }> {
  const { locale, id } = await openAdminPage(params);
  const record = await load(id);
  if (record === null) notFound();
  return { locale, record };
}

/** The query of a paged list and its `?page=`; a malformed page number is the 404. */
export async function readPagedQuery<Q extends Record<string, string | string[] | undefined>>(searchParams: Promise<Q>): Promise<{ query: Q; page: number }> {
  const query = await searchParams;
  const page = parsePage(query.page);
  if (page === null) notFound();
  return { query, page };
}
