import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { cancelEventAction } from '@/lib/actions/events';
import { getEventForEdit } from '@/lib/dal/events-admin';
import { requireAdminPage } from '@/components/admin/require-admin';
import { ConfirmEventAction } from '@/components/events/confirm-event-action';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/events/[id]/cancel'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'EventAdmin' });
  return { title: t('cancel'), robots: { index: false, follow: false } };
}

export default async function CancelEventPage({ params }: PageProps<'/[locale]/admin/events/[id]/cancel'>) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
  const event = await getEventForEdit(id);
  if (!event) notFound();
  const title = (event.localizations.find((l) => l.locale === locale) ?? event.localizations[0])?.title ?? event.slug;
  return <ConfirmEventAction kind="cancel" id={event.id} title={title} action={cancelEventAction} />;
}
