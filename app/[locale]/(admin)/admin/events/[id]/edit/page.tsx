import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { updateEventAction } from '@/lib/actions/events';
import { getEventForEdit } from '@/lib/dal/events-admin';
import { listTimeZones } from '@/lib/events/zoned-time';
import { eventFormValues } from '@/lib/events/form-values';
import { requireAdminPage } from '@/components/admin/require-admin';
import { ClientMessages } from '@/components/ui/client-messages';
import { EventForm } from '@/components/events/event-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/events/[id]/edit'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'EventAdmin' });
  return { title: t('editEvent'), robots: { index: false, follow: false } };
}

export default async function EditEventPage({ params }: PageProps<'/[locale]/admin/events/[id]/edit'>) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await requireAdminPage();
  const event = await getEventForEdit(id);
  if (!event) notFound();
  const t = await getTranslations('EventAdmin');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/events" className="text-brand-700 underline">← {t('backToList')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('editEvent')}</h1>
      <ClientMessages namespaces={['EventForm', 'EventType', 'EventMode', 'EventStatus', 'FormErrors']}>
        <EventForm
          action={updateEventAction}
          initial={eventFormValues(event)}
          hidden={{ id: event.id, version: String(event.version) }}
          timeZones={listTimeZones()}
          submitLabel={t('save')}
        />
      </ClientMessages>
    </>
  );
}
