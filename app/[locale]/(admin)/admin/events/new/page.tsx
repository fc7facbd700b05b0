import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { createEventAction } from '@/lib/actions/events';
import { listTimeZones } from '@/lib/events/zoned-time';
import { NEW_EVENT_VALUES } from '@/lib/events/form-values';
import { requireAdminPage } from '@/components/admin/require-admin';
import { ClientMessages } from '@/components/ui/client-messages';
import { EventForm } from '@/components/events/event-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/events/new'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'EventAdmin' });
  return { title: t('newEvent'), robots: { index: false, follow: false } };
}

export default async function NewEventPage({ params }: PageProps<'/[locale]/admin/events/new'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
  const t = await getTranslations('EventAdmin');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/events" className="text-brand-700 underline">← {t('backToList')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('newEvent')}</h1>
      <ClientMessages namespaces={['EventForm', 'EventType', 'EventMode', 'EventStatus', 'FormErrors']}>
        <EventForm action={createEventAction} initial={NEW_EVENT_VALUES} timeZones={listTimeZones()} submitLabel={t('create')} />
      </ClientMessages>
    </>
  );
}
